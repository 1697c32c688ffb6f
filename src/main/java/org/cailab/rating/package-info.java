/**
 * Ratings of models from pairwise battles: online Elo, Bradley-Terry maximum likelihood on
 * aggregated pair counts, bootstrap confidence intervals, overlap-aware ranks, win-rate
 * matrices and Pareto frontiers. Pure Java: no Spring beans, no database, no UI.
 *
 * <p>Typical use: stream battles into a {@link org.cailab.rating.BattleTally} (for example with
 * {@link org.cailab.rating.ArenaBattleReader}), then call {@link
 * org.cailab.rating.Ratings#bradleyTerry} for a {@link org.cailab.rating.RatingReport}. The
 * command-line entry point is {@link org.cailab.rating.RatingsCommand}.
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN, displayName = "Ratings")
package org.cailab.rating;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
