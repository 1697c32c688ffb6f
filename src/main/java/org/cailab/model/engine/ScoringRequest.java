package org.cailab.model.engine;

/**
 * A continuation to score after a prompt. The two are tokenized separately (the prompt with the tokenizer's special
 * tokens, the continuation without) and the ids concatenated, so the continuation's tokens do not depend on the
 * prompt.
 *
 * @param prompt the conditioning text
 * @param continuation the text whose log-probability is wanted
 */
public record ScoringRequest(String prompt, String continuation) {}
