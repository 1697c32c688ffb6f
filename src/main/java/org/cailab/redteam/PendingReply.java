package org.cailab.redteam;

/** The worker's message whose answer is being written; follow it with {@link RedTeamService#watch}. */
public record PendingReply(long turnId, String humanMessage) {}
