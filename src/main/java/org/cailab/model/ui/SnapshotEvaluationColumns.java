package org.cailab.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotEvaluation;
import org.cailab.model.SnapshotEvaluationService;
import org.cailab.model.SnapshotEvaluator;

/**
 * The Models grid's evaluation columns: each snapshot's stored evaluations (a preference model's accuracy on the HHH
 * comparisons with its 95% Wilson interval and the set's name) and an "Evaluate on ..." button per evaluation that
 * another module offers for it ({@link SnapshotEvaluator}).
 */
final class SnapshotEvaluationColumns {

    private final SnapshotEvaluationService evaluations;
    private final List<SnapshotEvaluator> evaluators;
    private Map<Long, List<SnapshotEvaluation>> bySnapshot = Map.of();
    /** The evaluations offered per snapshot, asked once per refresh rather than once per rendered row. */
    private Map<Long, List<Offer>> offers = Map.of();

    SnapshotEvaluationColumns(
            Grid<ModelSnapshot> grid, SnapshotEvaluationService evaluations, List<SnapshotEvaluator> evaluators) {
        this.evaluations = evaluations;
        this.evaluators = List.copyOf(evaluators);
        grid.addComponentColumn(this::results).setHeader("Evaluation").setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader("Evaluate").setAutoWidth(true);
    }

    /** Reads the stored and offered evaluations of these snapshots again (call before the grid's items are set). */
    void refresh(List<ModelSnapshot> snapshots) {
        bySnapshot = evaluations.all().stream().collect(Collectors.groupingBy(SnapshotEvaluation::snapshotId));
        Map<Long, List<Offer>> offered = new java.util.HashMap<>();
        for (ModelSnapshot snapshot : snapshots) {
            for (SnapshotEvaluator evaluator : evaluators) {
                for (String evaluation : evaluator.evaluationsFor(snapshot)) {
                    offered.computeIfAbsent(snapshot.id(), id -> new java.util.ArrayList<>())
                            .add(new Offer(evaluator, evaluation));
                }
            }
        }
        offers = offered;
    }

    private record Offer(SnapshotEvaluator evaluator, String evaluation) {}

    /** "HHH.jsonl: 72.4% (95% Wilson 68.0-76.4%; 317 of 438)", one line per evaluation; text only, never HTML. */
    static String describe(SnapshotEvaluation e) {
        double[] ci = e.interval();
        return String.format(
                Locale.ROOT,
                "%s: %.1f%% (95%% Wilson %.1f-%.1f%%; %d of %d)",
                e.evaluation(),
                100 * e.accuracy(),
                100 * ci[0],
                100 * ci[1],
                e.correct(),
                e.comparisons());
    }

    private Div results(ModelSnapshot snapshot) {
        Div cell = new Div();
        cell.addClassName("snapshot-evaluations");
        for (SnapshotEvaluation e : bySnapshot.getOrDefault(snapshot.id(), List.of())) {
            cell.add(new Div(describe(e)));
        }
        return cell;
    }

    private Div actions(ModelSnapshot snapshot) {
        Div cell = new Div();
        for (Offer offer : offers.getOrDefault(snapshot.id(), List.of())) {
            Button button = new Button("Evaluate on " + offer.evaluation(), click -> {
                try {
                    Notification.show(
                                    offer.evaluator().start(snapshot, offer.evaluation()),
                                    6000,
                                    Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (RuntimeException ex) {
                    Notification.show(ex.getMessage(), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            cell.add(button);
        }
        return cell;
    }
}
