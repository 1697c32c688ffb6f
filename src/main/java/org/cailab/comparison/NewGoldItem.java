package org.cailab.comparison;

/** What a researcher enters for a gold item: the human message and a better and a worse answer to it. */
public record NewGoldItem(String prompt, String betterAnswer, String worseAnswer) {}
