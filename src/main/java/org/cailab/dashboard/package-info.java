/**
 * Ratings and research dashboards: Elo / Bradley-Terry leaderboards per comparison task with bootstrap intervals,
 * the harmlessness-versus-helpfulness frontier, ratings over training steps, absolute harmfulness from the red-team
 * results, and the JSON endpoint
 * {@code GET /api/ratings} for scripts (session or API key; the keys and the filter chain live in {@code org.cailab.security}). Public API: {@link org.cailab.dashboard.RatingsService}
 * (leaderboards, live change notices), {@link org.cailab.dashboard.Frontier} (snapshots placed by both ratings),
 * {@link org.cailab.dashboard.LeaderboardExport} (CSV and JSON) and {@link org.cailab.security.ApiKeyService}.
 * The rating math itself lives in {@code org.cailab.rating}.
 */
@NullMarked
package org.cailab.dashboard;

import org.jspecify.annotations.NullMarked;
