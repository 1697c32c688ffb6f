package org.cailab.promptset;

/** The file formats a prompt set can be imported from; gzip-compressed files are recognised by their content. */
public enum PromptFormat {
    /** hh-rlhf preference pairs: one JSON object a line with {@code "chosen"} and {@code "rejected"} transcripts. */
    HH_RLHF_JSONL("hh-rlhf pairs (JSON lines)"),
    /**
     * The hh-rlhf red-team attempts file: one JSON array of records with a {@code "transcript"}, the red-teamer's
     * {@code "rating"} and {@code "task_description"} (its score key is misspelled in the data:
     * {@code task_descripton_harmlessness_score}).
     */
    RED_TEAM_ATTEMPTS("Red-team attempts (JSON array)"),
    /** One prompt per line; blank lines are skipped. */
    PLAIN_TEXT("Plain text (one prompt a line)");

    private final String label;

    PromptFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
