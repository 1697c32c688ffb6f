package org.cailab.rl.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.cailab.base.ui.EChart;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.rl.RlRunInfo;
import org.cailab.rl.RlSample;
import org.cailab.rl.RlService;
import org.cailab.rl.RlStepStats;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * An RL-CAI run's live metrics (mean reward, KL to the reference and its coefficient, entropy, response length, clip
 * fraction, value loss) as charts and a table, a warning when KL runs away, and the sample responses of each
 * registered snapshot. Updates every two seconds while open; every model text is rendered as text.
 */
@Route("runs/:" + RlRunView.RUN_ID + "(\\d+)/rl")
@PageTitle("RL-CAI run | Constitutional AI Lab")
@RolesAllowed(Role.RESEARCHER_ROLE)
class RlRunView extends VerticalLayout implements BeforeEnterObserver {

    static final String RUN_ID = "runId";
    private static final int POLL_MILLIS = 2000;

    private final RlService rl;
    private final Anchor back = new Anchor("", "Back to the run");
    private final H2 title = new H2();
    private final Span info = new Span();
    private final Span klWarning = new Span();
    private final EChart rewardChart = new EChart();
    private final EChart healthChart = new EChart();
    private final Grid<RlStepStats> steps = new Grid<>();
    private final Select<Long> snapshot = new Select<>();
    private final Grid<RlSample> samples = new Grid<>();
    private @Nullable RlRunInfo run;
    private @Nullable Registration polling;
    private int shownSteps = -1;

    RlRunView(RlService rl) {
        this.rl = rl;
        setWidthFull();
        info.setId("rl-info");
        klWarning.setId("kl-warning");
        klWarning.getElement().getThemeList().add("badge error");
        klWarning.setVisible(false);
        rewardChart.setId("rl-reward-chart");
        rewardChart.setHeight("320px");
        healthChart.setId("rl-health-chart");
        healthChart.setHeight("320px");
        steps.setId("rl-steps");
        steps.addColumn(RlStepStats::step).setHeader("Step").setAutoWidth(true);
        steps.addColumn(RlStepStats::promptsSeen).setHeader("Prompts").setAutoWidth(true);
        steps.addColumn(s -> format(s.meanScore())).setHeader("Mean reward");
        steps.addColumn(s -> format(s.meanKl())).setHeader("KL");
        steps.addColumn(s -> format(s.klCoefficient())).setHeader("KL coef.");
        steps.addColumn(s -> format(s.entropy())).setHeader("Entropy");
        steps.addColumn(s -> format(s.meanResponseTokens())).setHeader("Response tokens");
        steps.addColumn(s -> format(s.clipFraction())).setHeader("Clip fraction");
        steps.addColumn(s -> format(s.valueLoss())).setHeader("Value loss");
        steps.addColumn(s -> format(s.rolloutSeconds() + s.updateSeconds())).setHeader("Seconds");
        steps.setHeight("300px");
        snapshot.setId("rl-snapshot");
        snapshot.setLabel("Samples of the snapshot at");
        snapshot.setItemLabelGenerator(step -> step + " prompts");
        snapshot.addValueChangeListener(e -> showSamples());
        samples.setId("rl-samples");
        samples.addColumn(RlSample::prompt).setHeader("Prompt").setFlexGrow(2);
        samples.addColumn(RlSample::response).setHeader("Response").setFlexGrow(3);
        samples.addColumn(s -> format(s.reward()))
                .setHeader("Reward")
                .setAutoWidth(true)
                .setFlexGrow(0);
        samples.addColumn(s -> format(s.kl()))
                .setHeader("KL")
                .setAutoWidth(true)
                .setFlexGrow(0);
        samples.setAllRowsVisible(true);
        add(
                back,
                title,
                info,
                klWarning,
                rewardChart,
                healthChart,
                new H3("Steps"),
                steps,
                new H3("Sample responses"),
                snapshot,
                samples);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long runId = event.getRouteParameters().getLong(RUN_ID).orElseThrow(NotFoundException::new);
        try {
            run = rl.run(new RunId(runId));
        } catch (RunException e) {
            throw new NotFoundException(e.getMessage());
        }
        back.setHref("runs/" + runId);
        title.setText(run.run().name());
        info.setText("%s from %s against %s, %d steps of %d prompts"
                .formatted(
                        run.parameters().algorithm(),
                        run.policyName(),
                        run.rewardName(),
                        run.parameters().steps(),
                        run.parameters().promptsPerStep()));
        refresh();
    }

    private void refresh() {
        RlRunInfo current = Objects.requireNonNull(run);
        List<RlStepStats> all = rl.steps(current.run().id());
        if (all.size() == shownSteps) {
            return;
        }
        shownSteps = all.size();
        boolean runaway = current.klRunningAway(all);
        klWarning.setVisible(runaway);
        if (runaway) {
            klWarning.setText("KL is running away: %.2f at step %d, above the warning level %.2f. Consider a larger "
                            .formatted(
                                    all.getLast().meanKl(),
                                    all.getLast().step(),
                                    current.parameters().klWarning())
                    + "KL coefficient, a target KL or a lower learning rate.");
        }
        rewardChart.setOption(RlCharts.lines(
                "Mean reward and KL to the reference",
                "reward",
                "KL",
                all,
                List.of(
                        new RlCharts.Series("mean reward", RlStepStats::meanScore, 0),
                        new RlCharts.Series("KL", RlStepStats::meanKl, 1))));
        healthChart.setOption(RlCharts.lines(
                "Entropy, response length, clipping, value loss",
                "entropy / loss",
                "tokens",
                all,
                List.of(
                        new RlCharts.Series("entropy", RlStepStats::entropy, 0),
                        new RlCharts.Series("clip fraction", RlStepStats::clipFraction, 0),
                        new RlCharts.Series("value loss", RlStepStats::valueLoss, 0),
                        new RlCharts.Series("response tokens", RlStepStats::meanResponseTokens, 1))));
        steps.setItems(all.reversed());
        List<Long> snapshotSteps = rl.samples(current.run().id()).stream()
                .map(RlSample::step)
                .distinct()
                .toList();
        Long chosen = snapshot.getValue();
        snapshot.setItems(snapshotSteps);
        if (!snapshotSteps.isEmpty()) {
            snapshot.setValue(chosen != null && snapshotSteps.contains(chosen) ? chosen : snapshotSteps.getLast());
        }
        showSamples();
    }

    private void showSamples() {
        if (run == null || snapshot.getValue() == null) {
            samples.setItems(List.of());
            return;
        }
        long step = snapshot.getValue();
        samples.setItems(rl.samples(run.run().id()).stream()
                .filter(s -> s.step() == step)
                .toList());
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(e -> {
            if (run != null) {
                refresh();
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        event.getUI().setPollInterval(-1);
    }
}
