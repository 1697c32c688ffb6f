package org.cailab.feedback;

import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionEditException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.pipeline.RunException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Resolves the constitution version a run names (a version id, {@code name vN}, a constitution name for its active
 * version, or nothing for the active version of {@code default}), as SL-CAI runs do. Versions never change, so
 * their content is cached by id for the workers.
 */
@Component
class ConstitutionReferences {

    private final ConstitutionService constitutions;

    ConstitutionReferences(ConstitutionService constitutions) {
        this.constitutions = constitutions;
    }

    /** The version a run names ({@link ConstitutionService#resolve}), or a run error that says what is missing. */
    ConstitutionVersionView resolve(@Nullable String reference) {
        try {
            return constitutions.resolve(reference);
        } catch (ConstitutionEditException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** The content of a version by id (cached by the constitution service). */
    ConstitutionContent content(long versionId) {
        return constitutions.content(versionId);
    }
}
