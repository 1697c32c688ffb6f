package org.cailab.model;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standard evaluations stored with snapshots (a preference model's accuracy on the HHH comparisons), for the Models
 * page. Evaluations are computed elsewhere (training runs, evaluation runs) and recorded here.
 */
@Service
@Transactional
public class SnapshotEvaluationService {

    private final JooqSnapshotEvaluationRepository evaluations;
    private final ModelSnapshotRepository snapshots;

    SnapshotEvaluationService(JooqSnapshotEvaluationRepository evaluations, ModelSnapshotRepository snapshots) {
        this.evaluations = evaluations;
        this.snapshots = snapshots;
    }

    /**
     * Stores (or replaces) the snapshot's result on the evaluation.
     *
     * @throws IllegalArgumentException when the snapshot does not exist or the counts do not make sense
     */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public SnapshotEvaluation record(
            long snapshotId, String evaluation, int correct, int comparisons, @Nullable Long runId) {
        String name = evaluation == null ? "" : evaluation.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("An evaluation needs a name of 1-200 characters.");
        }
        if (comparisons < 1 || correct < 0 || correct > comparisons) {
            throw new IllegalArgumentException("An evaluation needs 0 <= correct <= comparisons and comparisons > 0, "
                    + "got " + correct + " of " + comparisons + ".");
        }
        if (snapshots.findById(snapshotId).isEmpty()) {
            throw new IllegalArgumentException("There is no model snapshot " + snapshotId + ".");
        }
        evaluations.upsert(snapshotId, name, correct, comparisons, runId);
        return evaluations.findBySnapshot(snapshotId).stream()
                .filter(e -> e.evaluation().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Every stored evaluation, by snapshot and name. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<SnapshotEvaluation> all() {
        return evaluations.findAll();
    }

    /** A snapshot's stored evaluations, by name. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<SnapshotEvaluation> of(long snapshotId) {
        return evaluations.findBySnapshot(snapshotId);
    }
}
