package org.cailab.comparison;

/**
 * A crowdworker's vote as a preference pair: the conversation both models saw (ending in {@code "\n\nAssistant:"}),
 * both answers and the verdict. Gold checks are never pairs (their answers come from no model).
 */
public record PairVote(
        long voteId,
        long campaignId,
        String campaignName,
        ComparisonTask task,
        String conversation,
        String answerA,
        String answerB,
        Choice choice) {}
