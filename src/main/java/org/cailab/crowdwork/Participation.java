package org.cailab.crowdwork;

/** A worker's membership in a campaign, as locked for one request. */
public record Participation(long campaignId, long workerId, boolean guidelinesSeen) {}
