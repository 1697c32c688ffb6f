package org.cailab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.feedback.PairFilter;
import org.cailab.feedback.PairSource;
import org.cailab.feedback.PairTask;
import org.cailab.feedback.PreferencePair;
import org.cailab.feedback.PreferencePairService;
import org.cailab.pipeline.RunException;
import org.springframework.stereotype.Component;

/** {@link PreferencePairs} over the feedback module's preference-pair store: labelled pairs of a task and source. */
@Component
class FeedbackPreferencePairs implements PreferencePairs {

    private static final int PAGE = 500;

    /** Looked up when used: the pair store's runs use the run engine, which is created with the training stages. */
    private final org.springframework.beans.factory.ObjectProvider<PreferencePairService> store;

    FeedbackPreferencePairs(org.springframework.beans.factory.ObjectProvider<PreferencePairService> store) {
        this.store = store;
    }

    @Override
    public List<Labelled> pairs(Selection selection) {
        PairTask task;
        PairSource source;
        try {
            task = PairTask.valueOf(selection.task());
            source = PairSource.valueOf(selection.source());
        } catch (IllegalArgumentException e) {
            throw new RunException(
                    "Unknown pair task or source: " + selection.task() + " / " + selection.source() + ".");
        }
        PairFilter base = PairFilter.ALL.withTask(task).withSource(source);
        List<PairFilter> filters = new ArrayList<>();
        if (selection.runIds().isEmpty()) {
            filters.add(base);
        } else {
            for (long id : selection.runIds()) {
                filters.add(
                        source == PairSource.HUMAN_IMPORT
                                ? new PairFilter(task, source, null, id, null, null, null)
                                : base.withRun(id));
            }
        }
        Map<Long, Labelled> byId = new LinkedHashMap<>();
        for (PairFilter filter : filters) {
            for (int offset = 0; ; offset += PAGE) {
                List<PreferencePair> page = store.getObject().pairs(filter, offset, PAGE);
                for (PreferencePair p : page) {
                    if (p.label() != null) {
                        byId.put(
                                p.id(),
                                new Labelled(
                                        p.id(),
                                        prompt(p.conversation()),
                                        " " + p.responseA().strip(),
                                        " " + p.responseB().strip(),
                                        p.label()));
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return byId.values().stream()
                .sorted(Comparator.comparingLong(Labelled::id))
                .toList();
    }

    private static String prompt(List<Turn> turns) {
        return new Conversation(turns).stripped().prompt();
    }
}
