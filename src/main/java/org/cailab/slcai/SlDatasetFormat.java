package org.cailab.slcai;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.cailab.pipeline.RunException;

/** The layouts of the SL finetuning data, one JSON object a line. */
public enum SlDatasetFormat {

    /** {@code {"messages": [{"role": "user", ...}, ..., {"role": "assistant", "content": <response n>}]}}. */
    MESSAGES("messages"),
    /** {@code {"prompt": "\n\nHuman: ...\n\nAssistant:", "completion": " <response n>"}} in the paper's transcript format. */
    PROMPT_COMPLETION("prompt-completion"),
    /**
     * The columns of the public cai-conversation datasets (HuggingFaceH4/cai-conversation-harmless): {@code
     * init_prompt, init_response, critic_prompt, critic_response, revision_prompt, revision_response, prompt,
     * messages, chosen, rejected}; chains only.
     */
    CAI_CONVERSATION("cai-conversation");

    private final String parameter;

    SlDatasetFormat(String parameter) {
        this.parameter = parameter;
    }

    /** The name in the API's {@code format} parameter and in file names. */
    public String parameter() {
        return parameter;
    }

    /** The format of a {@code format} parameter. */
    public static SlDatasetFormat parse(String text) {
        return Arrays.stream(values())
                .filter(f -> f.parameter.equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> new RunException("Unknown format \"" + text + "\"; use one of "
                        + Arrays.stream(values())
                                .map(SlDatasetFormat::parameter)
                                .collect(Collectors.joining(", ")) + "."));
    }
}
