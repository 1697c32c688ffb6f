/**
 * A Llama-family causal language model engine on DJL (PyTorch), with no Spring, database or UI.
 *
 * <p>Public API:
 *
 * <ul>
 *   <li>{@link org.cailab.model.engine.CausalLm}: a loaded model directory (weights, config, tokenizer) with
 *       {@code generate} and {@code score}; {@link org.cailab.model.engine.DynamicBatcher} batches requests from
 *       many threads.
 *   <li>{@link org.cailab.model.engine.LlamaModel}: the network (Llama, Mistral, Qwen2 layouts) and its forward pass;
 *       {@link org.cailab.model.engine.LlamaConfig} reads and writes Hugging Face {@code config.json}.
 *   <li>{@link org.cailab.model.engine.Trainer}: causal-LM fine-tuning with AdamW, warmup + decay, global-norm
 *       clipping, gradient accumulation and Hugging Face layout checkpoints.
 *   <li>{@link org.cailab.model.engine.TinyModels} and {@link org.cailab.model.engine.BpeTokenizerTrainer}: small
 *       random models and byte-level BPE tokenizers for tests and experiments.
 *   <li>{@link org.cailab.model.engine.SafetensorsReader} / {@link org.cailab.model.engine.SafetensorsWriter}:
 *       our own safetensors I/O (DJL aborts on bf16 and maps with int offsets).
 *   <li>{@link org.cailab.model.engine.LogitsCommand}: {@code model logits} on the command line.
 * </ul>
 *
 * <p>Design notes. Weights live on the device in float32 (bf16/f16 files are widened in Java). Every forward pass runs
 * inside an {@link ai.djl.ndarray.NDScope} so intermediates are freed when it ends; only the KV cache outlives a step
 * and is closed explicitly. Batches are left-padded with an explicit additive attention bias and per-row position
 * ids, so a padded row computes what it would alone. Sampling, top-k/top-p and stop sequences run in Java on the
 * last-position logits, which lets every row of a batch carry its own options and seed. The optimizer is our own
 * AdamW on NDArrays (not DJL's) so its state can be written to and restored from a checkpoint.
 */
@NullMarked
@NamedInterface("engine")
package org.cailab.model.engine;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
