package org.cailab.rating;

/**
 * One model's line in a rating table.
 *
 * @param model  model name
 * @param rating point estimate on the Elo scale
 * @param lower  lower bound of the bootstrap interval
 * @param upper  upper bound of the bootstrap interval
 * @param votes  battles the model took part in
 * @param rank   1 + number of models whose lower bound exceeds this model's upper bound
 */
public record ModelRating(String model, double rating, double lower, double upper, long votes, int rank) {}
