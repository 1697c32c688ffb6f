package org.cailab.model.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The paper's standard preference-model evaluation (its Figure 4): on the 438 binary HHH comparisons
 * ({@code 438HHHEvaluations.jsonl}: lines with {@code text_correct} and {@code text_incorrect}, two full
 * Human/Assistant transcripts), the share of pairs whose correct transcript gets the higher reward.
 */
public final class HhhEvaluation {

    /** One comparison: the transcript that should score higher, and the one that should not. */
    public record Comparison(String correct, String incorrect) {}

    /**
     * The result.
     *
     * @param accuracy the share of comparisons the model orders correctly (a tie counts as wrong)
     * @param comparisons how many were scored
     */
    public record Result(double accuracy, int comparisons) {}

    private HhhEvaluation() {}

    /** Reads the comparisons of an HHH evaluation file; a bad line is named by its number. */
    public static List<Comparison> read(Path file) throws IOException {
        List<Comparison> out = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(line);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(
                            file + " line " + number + ": not JSON: " + e.getOriginalMessage());
                }
                if (!node.path("text_correct").isString()
                        || !node.path("text_incorrect").isString()) {
                    throw new IllegalArgumentException(file + " line " + number
                            + ": expected string fields \"text_correct\" and \"text_incorrect\"");
                }
                out.add(new Comparison(
                        node.get("text_correct").asString(),
                        node.get("text_incorrect").asString()));
            }
        }
        return out;
    }

    /** Scores both transcripts of every comparison ({@code maxLength} last tokens each) and counts the wins. */
    public static Result evaluate(PreferenceModel model, List<Comparison> comparisons, int batchSize, int maxLength) {
        List<long[]> sequences = new ArrayList<>();
        for (Comparison c : comparisons) {
            sequences.add(tail(model.encode(c.correct(), ""), maxLength));
            sequences.add(tail(model.encode(c.incorrect(), ""), maxLength));
        }
        float[] rewards = model.scoreIds(sequences, batchSize);
        int correct = 0;
        for (int i = 0; i < comparisons.size(); i++) {
            correct += rewards[2 * i] > rewards[2 * i + 1] ? 1 : 0;
        }
        return new Result(
                comparisons.isEmpty() ? Double.NaN : (double) correct / comparisons.size(), comparisons.size());
    }

    private static long[] tail(long[] ids, int max) {
        return ids.length <= max ? ids : java.util.Arrays.copyOfRange(ids, ids.length - max, ids.length);
    }
}
