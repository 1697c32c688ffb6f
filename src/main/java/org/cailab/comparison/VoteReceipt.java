package org.cailab.comparison;

/**
 * The answer to a vote.
 *
 * @param alreadyRecorded true when this was a retry of a vote recorded before (nothing new was stored)
 * @param state           the worker's page after the vote
 */
public record VoteReceipt(long voteId, boolean alreadyRecorded, ComparisonState state) {}
