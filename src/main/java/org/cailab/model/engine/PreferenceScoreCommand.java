package org.cailab.model.engine;

import ai.djl.Device;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code pm score --model DIR --input FILE.jsonl [--batch N] [--device cpu|gpu]}: reads lines of
 * {@code {"conversation": "...", "response": "..."}} (the conversation as a Human/Assistant transcript ending with
 * {@code "\n\nAssistant:"}, the response continuing it) and prints each line with {@code "score"} added: the
 * preference model's reward of conversation + response. Other fields are kept. The whole file is checked before the
 * first line is printed, so a bad line (named by its number) prints nothing.
 */
public final class PreferenceScoreCommand {

    static final String USAGE = "usage: pm score --model DIR --input FILE.jsonl [--batch N] [--device cpu|gpu]\n"
            + "       pm hhh --model DIR --input 438HHHEvaluations.jsonl [--batch N] [--device cpu|gpu]";

    private PreferenceScoreCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code pm}, starting with {@code score}
     * @return 0 on success, 2 on a usage error, 1 when the input or model is unusable
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path model = null;
        Path input = null;
        int batch = PreferenceModel.DEFAULT_BATCH;
        String device = "cpu";
        try {
            if (args.isEmpty()
                    || !(args.getFirst().equals("score") || args.getFirst().equals("hhh"))) {
                throw new IllegalArgumentException("expected the subcommand 'score' or 'hhh'");
            }
            for (int i = 1; i < args.size(); i++) {
                String flag = args.get(i);
                if (flag.equals("--help") || flag.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(flag + " needs a value");
                }
                String value = args.get(++i);
                switch (flag) {
                    case "--model" -> model = Path.of(value);
                    case "--input" -> input = Path.of(value);
                    case "--device" -> device = value;
                    case "--batch" -> batch = positive(value);
                    default -> throw new IllegalArgumentException("unknown argument " + flag);
                }
            }
            if (model == null || input == null) {
                throw new IllegalArgumentException("--model and --input are required");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (args.getFirst().equals("hhh")) {
            return hhh(model, input, batch, device, out, err);
        }
        try {
            List<ObjectNode> lines = read(input);
            try (PreferenceModel pm = PreferenceModel.load(model, Device.fromName(device))) {
                for (int start = 0; start < lines.size(); start += batch) {
                    List<ObjectNode> chunk = lines.subList(start, Math.min(lines.size(), start + batch));
                    List<long[]> ids = new ArrayList<>();
                    for (ObjectNode line : chunk) {
                        ids.add(pm.encode(
                                line.get("conversation").asString(),
                                line.get("response").asString()));
                    }
                    float[] scores = pm.scoreIds(ids, batch);
                    for (int i = 0; i < chunk.size(); i++) {
                        out.println(Json.MAPPER.writeValueAsString(chunk.get(i).put("score", scores[i])));
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            err.println("pm score: " + input + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("pm score: " + e.getMessage());
            return 1;
        }
    }

    /** {@code pm hhh}: the accuracy on the HHH comparisons, as JSON. */
    private static int hhh(Path model, Path input, int batch, String device, PrintStream out, PrintStream err) {
        try {
            List<HhhEvaluation.Comparison> comparisons = HhhEvaluation.read(input);
            try (PreferenceModel pm = PreferenceModel.load(model, Device.fromName(device))) {
                HhhEvaluation.Result r = HhhEvaluation.evaluate(pm, comparisons, batch, Integer.MAX_VALUE);
                out.println(Json.MAPPER.writeValueAsString(Json.MAPPER
                        .createObjectNode()
                        .put("model", model.toString())
                        .put("comparisons", r.comparisons())
                        .put("accuracy", r.accuracy())));
            }
            return 0;
        } catch (IOException e) {
            err.println("pm hhh: " + input + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("pm hhh: " + e.getMessage());
            return 1;
        }
    }

    /** Parses and checks every line; blank lines are skipped. */
    static List<ObjectNode> read(Path input) throws IOException {
        List<ObjectNode> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(text);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException(
                            input + " line " + number + ": not JSON: " + e.getOriginalMessage(), e);
                }
                if (!(node instanceof ObjectNode object)
                        || !node.path("conversation").isString()
                        || !node.path("response").isString()) {
                    throw new IllegalArgumentException(input + " line " + number
                            + ": expected an object with string fields \"conversation\" and \"response\"");
                }
                lines.add(object);
            }
        }
        return lines;
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--batch needs a positive integer, got " + value);
    }
}
