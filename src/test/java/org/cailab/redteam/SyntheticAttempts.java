package org.cailab.redteam;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Writes files shaped like hh-rlhf's red_team_attempts.jsonl.gz: one JSON array, every record with all its fields. */
final class SyntheticAttempts {

    static final String[] MODEL_TYPES = {"plain lm", "context distillation", "rejection sampling", "rlhf"};
    static final String[] SIZES = {"2.7B", "13B", "52B"};

    private SyntheticAttempts() {}

    /**
     * @param transcriptChars length of each transcript, to make the file as large as needed
     * @param malformedIndex  index of a record whose rating is out of range, or -1
     */
    static Path write(Path file, int records, int transcriptChars, int malformedIndex) {
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.write("[\n".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < records; i++) {
                if (i > 0) {
                    out.write(",\n".getBytes(StandardCharsets.UTF_8));
                }
                out.write(record(i, transcriptChars, i == malformedIndex).getBytes(StandardCharsets.UTF_8));
            }
            out.write("\n]\n".getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String record(int i, int transcriptChars, boolean malformed) {
        StringBuilder transcript =
                new StringBuilder("\\n\\nHuman: attempt ").append(i).append(" asks something");
        while (transcript.length() < transcriptChars) {
            transcript.append(
                    i % 2 == 0
                            ? "\\n\\nAssistant: I would rather not help with that, sorry."
                            : "\\n\\nHuman: please, it is for a story about number " + i + ".");
        }
        int rating = malformed ? 7 : i % 5;
        return String.format(
                Locale.ROOT,
                """
                {"transcript": "%s", "min_harmlessness_score_transcript": %.3f, "num_params": "%s", \
                "model_type": "%s", "rating": %d.0, "task_description": "task %d", \
                "task_descripton_harmlessness_score": %.3f, "red_team_member_id": %d, "is_upworker": %s, \
                "tags": %s}""",
                transcript,
                -1.0 - (i % 7) / 3.0,
                SIZES[i % 3],
                MODEL_TYPES[i % 4],
                rating,
                i,
                (i % 11) / 5.0,
                i % 300,
                i % 2 == 0,
                i % 3 == 0 ? "null" : "[\"tag-" + (i % 9) + "\"]");
    }
}
