package org.cailab.comparison;

/** A pre-written comparison with a known better answer, used to measure how well workers judge. */
public record GoldItem(long id, long campaignId, String prompt, String betterAnswer, String worseAnswer) {}
