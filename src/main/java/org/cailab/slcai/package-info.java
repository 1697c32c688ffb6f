/**
 * SL-CAI: the supervised phase of Constitutional AI. A run of type {@code sl-cai} samples an initial response to each
 * red-team prompt from the policy model and then critiques and revises it for a number of rounds, each under a
 * principle drawn (seeded) from the constitution version's enabled SL principles, with the version's few-shot
 * examples in front; helpfulness prompts get several plain samples. Every chain is stored as the run item's output
 * ({@link org.cailab.slcai.CritiqueRevisionChain}, {@link org.cailab.slcai.HelpfulSamples}).
 *
 * <p>Public API: {@link org.cailab.slcai.SlCaiService} reads chains, {@link org.cailab.slcai.SlCaiExportService}
 * writes the SL finetuning data (messages, prompt/completion, cai-conversation columns; also at
 * {@code GET /api/runs/{id}/sl-dataset}), {@link org.cailab.slcai.SlDatasetReader} reads such files back. Views in
 * {@code ui}: the chain browser at {@code runs/{id}/chains}.
 */
@NullMarked
package org.cailab.slcai;

import org.jspecify.annotations.NullMarked;
