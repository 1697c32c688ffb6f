package org.cailab.feedback;

import java.util.List;

/**
 * Human vs AI agreement on pairs that have both crowdworker votes and AI labels (the dashboard's chart 7).
 *
 * @param byPrinciple per principle; a label of an ensemble counts under each of its principles
 * @param bySnapshot  per feedback snapshot
 */
public record AgreementReport(PairTask task, List<Agreement> byPrinciple, List<Agreement> bySnapshot) {

    public AgreementReport {
        byPrinciple = List.copyOf(byPrinciple);
        bySnapshot = List.copyOf(bySnapshot);
    }
}
