package org.cailab.feedback;

/** What bringing the crowdworker pairs up to date did: votes added as pairs, pairs of votes that no longer count deleted. */
public record CrowdVoteSync(int added, int deleted) {}
