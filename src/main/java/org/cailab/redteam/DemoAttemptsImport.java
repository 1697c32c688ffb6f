package org.cailab.redteam;

import java.io.ByteArrayInputStream;
import org.cailab.model.DemoAttempts;
import org.cailab.model.ModelProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a fresh install with the demo models enabled, imports the templated demo red-team attempts ({@link
 * DemoAttempts}) so that a newcomer can train a harm predictor and see predicted harm on the dashboards without
 * downloading hh-rlhf. Only while there is no red-team import at all: an installation that has its own data is left
 * alone. One transaction through the ordinary importer, so it is all or nothing like every import.
 */
@Component
class DemoAttemptsImport implements ApplicationRunner {

    /** Who the import is attributed to: no person imported it. */
    static final String IMPORTED_BY = "system (demo)";

    private static final Logger log = LoggerFactory.getLogger(DemoAttemptsImport.class);

    private final AttemptRepository attempts;
    private final ModelProperties models;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    DemoAttemptsImport(
            AttemptRepository attempts,
            ModelProperties models,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.attempts = attempts;
        this.models = models;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!models.demoEnabled()) {
            return;
        }
        ImportReport report = importIfFresh();
        if (report != null) {
            events.publishEvent(new AttemptsImported(report.importId(), report.fileName(), report.records()));
            log.info("Imported {} templated demo red-team attempts as import #{}", report.records(), report.importId());
        }
    }

    /** Imports the demo attempts when there is no red-team import yet; null when there is one. */
    @Nullable
    ImportReport importIfFresh() {
        return transactions.execute(status -> {
            if (!attempts.imports().isEmpty()) {
                return null;
            }
            long importId = attempts.insertImport(DemoAttempts.FILE_NAME, IMPORTED_BY);
            int records = AttemptImporter.run(
                    importId,
                    DemoAttempts.FILE_NAME,
                    new ByteArrayInputStream(DemoAttempts.defaultJsonLines()),
                    attempts);
            return new ImportReport(importId, DemoAttempts.FILE_NAME, records);
        });
    }
}
