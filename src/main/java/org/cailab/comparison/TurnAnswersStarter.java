package org.cailab.comparison;

import java.time.Instant;
import org.cailab.crowdwork.CrowdworkProperties;
import org.cailab.security.ActingAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts a turn's answers after the transaction that asked for them committed (asynchronously, on Boot's
 * {@code applicationTaskExecutor}); nothing starts when it rolled back.
 *
 * <p>Safe to run again (the registry resubmits a request left incomplete at the next start): a turn that is no longer
 * generating, or whose answers are under way already, is left alone; a request older than the generation timeout is
 * dropped, as no page still waits for it: the turn stays "generating" until the worker comes back, and then
 * {@code ComparisonService.open} or {@code watch} start it again, as after any restart.
 */
@Component
class TurnAnswersStarter {

    private static final Logger log = LoggerFactory.getLogger(TurnAnswersStarter.class);

    private final ConversationRepository conversations;
    private final AnswerGenerator generator;
    private final CrowdworkProperties settings;

    TurnAnswersStarter(ConversationRepository conversations, AnswerGenerator generator, CrowdworkProperties settings) {
        this.conversations = conversations;
        this.generator = generator;
        this.settings = settings;
    }

    // a stable id: the registry matches stored publications to their listener by it (also after a rename)
    @ApplicationModuleListener(id = "comparison.turn-answers", readOnlyTransaction = true)
    void on(TurnAnswersRequested requested) {
        if (requested.requestedAt().isBefore(Instant.now().minus(settings.generationTimeout()))) {
            log.info(
                    "Not starting the answers of comparison turn {}: requested at {}, no page waits any more",
                    requested.turnId(),
                    requested.requestedAt());
            return;
        }
        // the model service checks that someone is signed in: the worker who asked, as when this ran in their request
        ActingAs.worker(
                requested.worker(),
                () -> conversations
                        .findTurn(requested.turnId())
                        .filter(turn -> turn.status() == TurnStatus.GENERATING)
                        .ifPresent(generator::start));
    }
}
