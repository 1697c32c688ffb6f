package org.cailab.redteam;

/** A stored rating and the worker's page afterwards. */
public record RatingReceipt(long attemptId, int rating, RedTeamState state) {}
