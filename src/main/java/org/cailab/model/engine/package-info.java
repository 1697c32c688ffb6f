/**
 * A Llama-family causal language model engine on DJL (PyTorch), with no Spring, database or UI.
 *
 * <p>Public API:
 *
 * <ul>
 *   <li>{@link org.cailab.model.engine.CausalLm}: a loaded model directory (weights, config, tokenizer) with
 *       {@code generate} and {@code score}; {@link org.cailab.model.engine.DynamicBatcher} serves requests from
 *       many threads with continuous batching, live-before-pipeline {@link org.cailab.model.engine.Priority},
 *       per-user turns and caps, cancellation and a bounded queue ({@link org.cailab.model.engine.BusyException}).
 *   <li>{@link org.cailab.model.engine.LlamaModel}: the network (Llama, Mistral, Qwen2 layouts) and its forward pass;
 *       {@link org.cailab.model.engine.LlamaConfig} reads and writes Hugging Face {@code config.json}.
 *   <li>{@link org.cailab.model.engine.Trainer}: causal-LM fine-tuning with AdamW, warmup + decay, global-norm
 *       clipping, gradient accumulation and Hugging Face layout checkpoints.
 *   <li>{@link org.cailab.model.engine.PreferenceModel}: the paper's preference model (a scalar head on the final
 *       hidden state of the last token), stored as Hugging Face {@code LlamaForSequenceClassification}; trained with
 *       {@link org.cailab.model.engine.PreferenceLoss} (soft-label Bradley-Terry); {@code pm score} on the command
 *       line ({@link org.cailab.model.engine.PreferenceScoreCommand}).
 *   <li>{@link org.cailab.model.engine.TrainingLoop}: epochs over a fixed example list in a seeded
 *       {@link org.cailab.model.engine.DataOrder}, held-out evaluation, atomic checkpoints
 *       ({@link org.cailab.model.engine.CheckpointStore}) and exact resume.
 *   <li>{@link org.cailab.model.engine.TinyModels} and {@link org.cailab.model.engine.BpeTokenizerTrainer}: small
 *       random models and byte-level BPE tokenizers for tests and experiments.
 *   <li>{@link org.cailab.model.engine.SafetensorsReader} / {@link org.cailab.model.engine.SafetensorsWriter}:
 *       our own safetensors I/O (DJL aborts on bf16 and maps with int offsets).
 *   <li>{@link org.cailab.model.engine.LogitsCommand}: {@code model logits} on the command line.
 * </ul>
 *
 * <p>Typical use:
 *
 * <pre>{@code
 * // a tiny model from scratch: tokenizer first, then a config whose vocabulary matches it
 * BpeVocabulary vocab = BpeTokenizerTrainer.builder().setVocabSize(512).build().train(texts);
 * vocab.write(dir);
 * LlamaConfig config = LlamaConfig.builder().setVocabSize(vocab.size()).setHiddenSize(64)
 *         .setIntermediateSize(176).setNumLayers(2).setNumHeads(4).optNumKvHeads(2)
 *         .optBosTokenId(0L).optEosTokenIds(List.of(0L)).build();
 * TinyModels.create(dir, config, 42);
 *
 * try (CausalLm lm = CausalLm.load(dir)) {                       // or load(dir, Device.gpu())
 *     Generation g = lm.generate("\n\nHuman: Hi?\n\nAssistant:",            // Conversation.singleTurnPrompt("Hi?")
 *             GenerationOptions.builder().optTopP(0.9).optSeed(1L).build());   // stops at "\n\nHuman:" and "\n\nAssistant:"
 *     List<ContinuationScore> s = lm.score(List.of(new ScoringRequest(prompt, " continuation")));
 *     try (Trainer trainer = new Trainer(lm.model(), TrainingConfig.builder().setTotalSteps(100).build())) {
 *         trainer.step(List.of(TrainingExample.promptCompletion(promptIds, completionIds)));
 *         trainer.saveCheckpoint(checkpointDir, dir);                 // HF layout + tokenizer + optimizer
 *     }
 * }
 * }</pre>
 *
 * <p>Training threads: several trainers of different models may step at once in different threads; the engine calls
 * PyTorch's backward itself instead of DJL's JVM-wide gradient collector and sets the thread's grad mode per phase
 * ({@code docs/decisions/0083-training-threads.md}).
 *
 * <p>Threads: PyTorch's CPU thread pool spins while waiting; on a machine shared with other busy processes set
 * {@code OMP_WAIT_POLICY=PASSIVE} or {@code -Dai.djl.pytorch.num_threads=1}, or throughput collapses (we measured a
 * 20 ms training step take 1.1 s). The engine's tests run with one intra-op thread.
 *
 * <p>Design notes. Weights live on the device in float32 (bf16/f16 files are widened in Java). Every forward pass runs
 * inside an {@link ai.djl.ndarray.NDScope} so intermediates are freed when it ends; only the KV cache outlives a step
 * and is closed explicitly. Batches are left-padded with an explicit additive attention bias and per-row position
 * ids, so a padded row computes what it would alone. The KV cache ({@link org.cailab.model.engine.KvCache}) is preallocated
 * per batch and written in place (grown in blocks); rows join a running batch after a prefill of their own and leave
 * by freeing their slot (see docs/decisions/0090-serving.md). Scoring computes a prompt shared by several
 * continuations once. Inference uses one fused q/k/v projection per layer and precomputed RoPE tables; a training
 * forward pass (grad mode on and parameters with gradients) uses the separate weights and drops the fused ones, and
 * {@link org.cailab.model.engine.LlamaModel#parametersChanged()} does the same after other in-place changes. Sampling, top-k/top-p and stop sequences run in Java on the
 * last-position logits, which lets every row of a batch carry its own options and seed. The optimizer is our own
 * AdamW on NDArrays (not DJL's) so its state can be written to and restored from a checkpoint. Grouped-query
 * attention stacks the query heads of a group against their shared keys instead of copying keys and values.
 *
 * <p>Limits: float32 only on every device; Mistral's sliding window is not applied (exact for sequences shorter than
 * the window); rope scaling types other than linear and llama3 are refused; no chat templates; generation cuts a
 * prompt longer than {@code max_position_embeddings} (less room for the answer) from the left and stops at the
 * context's end; scoring cuts the prompt from the left.
 */
@NullMarked
@NamedInterface("engine")
package org.cailab.model.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
