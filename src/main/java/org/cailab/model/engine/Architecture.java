package org.cailab.model.engine;

import java.util.Arrays;
import java.util.Optional;

/** The Hugging Face causal-LM architectures this engine runs: all share the Llama block. */
public enum Architecture {
    /** {@code LlamaForCausalLM}: optional {@code attention_bias} (q, k, v and o) and {@code mlp_bias}. */
    LLAMA("LlamaForCausalLM", "llama"),
    /** {@code MistralForCausalLM}: no biases; sliding-window attention is not applied (full attention). */
    MISTRAL("MistralForCausalLM", "mistral"),
    /** {@code Qwen2ForCausalLM}: q, k and v projections always carry a bias. */
    QWEN2("Qwen2ForCausalLM", "qwen2");

    private final String className;
    private final String modelType;

    Architecture(String className, String modelType) {
        this.className = className;
        this.modelType = modelType;
    }

    /** The name in {@code config.json}'s {@code architectures} list. */
    public String className() {
        return className;
    }

    /** The {@code model_type} in {@code config.json}. */
    public String modelType() {
        return modelType;
    }

    /** Finds an architecture by its class name ({@code LlamaForCausalLM}) or model type ({@code llama}). */
    public static Optional<Architecture> find(String name) {
        return Arrays.stream(values())
                .filter(a -> a.className.equals(name) || a.modelType.equals(name))
                .findFirst();
    }
}
