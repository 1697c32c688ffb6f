package org.cailab.slcai;

/**
 * One SL-CAI finetuning example as a language model trains on it: the loss goes on {@code completion}'s tokens only.
 *
 * @param prompt     the conversation in the paper's transcript format, ending where the assistant answers:
 *                   {@code "\n\nHuman: ...\n\nAssistant:"}
 * @param completion the target response with the one leading space that follows {@code "Assistant:"}
 * @param runId      the SL-CAI run it comes from
 * @param itemKey    the run item (prompt) it comes from, for example {@code chain-000042} or {@code helpful-000007}
 * @param round      the revision round of a chain's example (1 to n), 0 for a helpfulness sample or an initial
 *                   response
 */
public record SlTrainingExample(String prompt, String completion, long runId, String itemKey, int round) {}
