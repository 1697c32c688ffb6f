/**
 * SL-CAI: the supervised phase of Constitutional AI. A run of type {@code sl-cai} samples an initial response to each
 * red-team prompt from the policy model and then critiques and revises it for a number of rounds, each under a
 * principle drawn (seeded) from the constitution version's enabled SL principles, with the version's few-shot
 * examples in front; helpfulness prompts get several plain samples. Every chain is stored as the run item's output
 * ({@link org.cailab.slcai.CritiqueRevisionChain}, {@link org.cailab.slcai.HelpfulSamples}).
 *
 * <p>Each round sees what the run's {@link org.cailab.slcai.ChainLayout} says: by default the paper's pair layout (the
 * conversation with the previous revision as the assistant's response). Samples cut at the token limit are flagged.
 *
 * <p>Public API: {@link org.cailab.slcai.SlCaiService} reads chains and gives the paper's SL-CAI-n training examples
 * of one or more runs ({@link org.cailab.slcai.SlCaiService#trainingExamples}), {@link
 * org.cailab.slcai.SlCaiExportService} writes the SL finetuning data (messages, prompt/completion, cai-conversation
 * columns; also at {@code GET /api/runs/{id}/sl-dataset}), {@link org.cailab.slcai.SlDatasetReader} reads such files
 * back. Views in {@code ui}: the chain browser at {@code runs/{id}/chains}.
 */
@NullMarked
package org.cailab.slcai;

import org.jspecify.annotations.NullMarked;
