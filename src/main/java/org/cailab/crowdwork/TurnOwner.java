package org.cailab.crowdwork;

/**
 * Whose turn a turn is: the item it belongs to (a comparison's conversation, a red-team attempt), that item's
 * campaign and worker.
 */
public record TurnOwner(long itemId, long campaignId, long workerId) {}
