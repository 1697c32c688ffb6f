package org.cailab.evaluation;

import ai.djl.Device;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cailab.constitution.ChainOfThoughtExample;
import org.cailab.constitution.ConstitutionImporter;
import org.cailab.feedback.FeedbackOptions;
import org.cailab.model.engine.CausalLm;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code eval --model DIR --input FILE.jsonl [--limit N] [--device cpu|gpu] [--cot] [--reasoning-samples K]
 * [--clamp LOW,HIGH] [--reasoning-tokens N] [--seed S] [--constitution FILE]}: answers a multiple-choice evaluation file with a checkpoint,
 * without the web server or the database. Prints one JSON line per item ({@code index}, {@code probabilities} per
 * option, {@code correct}; {@code separately_encoded} lists options that broke the tokenisation prefix, {@code
 * reasonings} the chain of thought) and then {@code {"n", "accuracy", "ece", "bins"}}.
 */
public final class EvalCommand {

    static final String USAGE = "usage: eval --model DIR --input FILE.jsonl [--limit N] [--device cpu|gpu] [--cot]"
            + " [--reasoning-samples K] [--clamp LOW,HIGH] [--reasoning-tokens N] [--seed S] [--constitution FILE]";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EvalCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code eval}
     * @return 0 on success, 2 on a usage error, 1 on bad input or when the model cannot be run
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("eval: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (!Files.isRegularFile(options.input)) {
                throw new IllegalArgumentException(options.input + ": no such file");
            }
            List<EvalItem> items = EvalFileReader.read(options.input);
            if (options.limit != null && options.limit < items.size()) {
                items = items.subList(0, options.limit);
            }
            try (CausalLm lm = CausalLm.load(options.model, Device.fromName(options.device))) {
                MultipleChoiceEvaluator evaluator = new MultipleChoiceEvaluator(
                        new EngineOptionScorer(lm), options.chainOfThought, fewShots(options), options.seed);
                List<ItemResult> results = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    ItemResult result = evaluator.evaluate(i, items.get(i));
                    results.add(result);
                    out.println(MAPPER.writeValueAsString(itemJson(result)));
                }
                out.println(MAPPER.writeValueAsString(summaryJson(Calibration.of(results))));
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("eval: " + e.getMessage());
            return 1;
        }
    }

    /** Chain of thought with {@code --constitution}: that file's chain-of-thought examples (any import format). */
    private static List<ChainOfThoughtExample> fewShots(Options options) {
        if (options.constitution == null) {
            return List.of();
        }
        if (options.chainOfThought == null) {
            throw new IllegalArgumentException("--constitution only matters with --cot");
        }
        return new ConstitutionImporter()
                .importFile(options.constitution)
                .content()
                .cotExamples();
    }

    static ObjectNode itemJson(ItemResult result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("index", result.index());
        ObjectNode probabilities = node.putObject("probabilities");
        for (Map.Entry<String, Double> e : result.probabilities().entrySet()) {
            probabilities.put(e.getKey(), e.getValue());
        }
        node.put("correct", result.correct());
        if (!result.separatelyEncoded().isEmpty()) {
            ArrayNode separate = node.putArray("separately_encoded");
            result.separatelyEncoded().forEach(separate::add);
        }
        if (!result.reasonings().isEmpty()) {
            ArrayNode reasonings = node.putArray("reasonings");
            result.reasonings().forEach(reasonings::add);
        }
        return node;
    }

    static ObjectNode summaryJson(Calibration calibration) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("n", calibration.n());
        node.put("accuracy", calibration.accuracy());
        node.put("ece", calibration.ece());
        ArrayNode bins = node.putArray("bins");
        for (CalibrationBin bin : calibration.bins()) {
            ObjectNode b = bins.addObject()
                    .put("lower", bin.lower())
                    .put("upper", bin.upper())
                    .put("count", bin.count());
            if (bin.count() > 0) {
                b.put("mean_confidence", bin.meanConfidence()).put("accuracy", bin.accuracy());
            }
        }
        return node;
    }

    private static final class Options {
        @Nullable
        Path model;

        @Nullable
        Path input;

        @Nullable
        Integer limit;

        String device = "cpu";
        boolean cot;
        int reasoningSamples = 1;
        double clampLow = FeedbackOptions.defaults().clampLow();
        double clampHigh = FeedbackOptions.defaults().clampHigh();
        int reasoningTokens = FeedbackOptions.defaults().reasoningMaxTokens();
        long seed;

        @Nullable
        FeedbackOptions chainOfThought;

        @Nullable
        Path constitution;

        /** Null for a help request. */
        static @Nullable Options parse(List<String> args) {
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                switch (flag) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--model" -> o.model = Path.of(value(args, ++i, flag));
                    case "--input" -> o.input = Path.of(value(args, ++i, flag));
                    case "--limit" -> o.limit = positive(value(args, ++i, flag), flag);
                    case "--device" -> o.device = value(args, ++i, flag);
                    case "--cot" -> o.cot = true;
                    case "--reasoning-samples" -> o.reasoningSamples = positive(value(args, ++i, flag), flag);
                    case "--reasoning-tokens" -> o.reasoningTokens = positive(value(args, ++i, flag), flag);
                    case "--clamp" -> clamp(o, value(args, ++i, flag));
                    case "--seed" -> o.seed = number(value(args, ++i, flag), flag);
                    case "--constitution" -> o.constitution = Path.of(value(args, ++i, flag));
                    default -> throw new IllegalArgumentException("unknown argument " + flag);
                }
            }
            if (o.model == null || o.input == null) {
                throw new IllegalArgumentException("--model and --input are required");
            }
            if (o.cot) {
                o.chainOfThought = FeedbackOptions.defaults()
                        .withChainOfThought(o.reasoningSamples, o.clampLow, o.clampHigh)
                        .withReasoning(1.0, o.reasoningTokens);
            }
            return o;
        }

        private static void clamp(Options o, String value) {
            String[] parts = value.split(",");
            if (parts.length != 2) {
                throw new IllegalArgumentException("--clamp needs LOW,HIGH, got " + value);
            }
            try {
                o.clampLow = Double.parseDouble(parts[0].strip());
                o.clampHigh = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--clamp needs two numbers, got " + value);
            }
        }

        private static String value(List<String> args, int i, String flag) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args.get(i);
        }

        private static int positive(String value, String flag) {
            try {
                int n = Integer.parseInt(value);
                if (n > 0) {
                    return n;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(flag + " needs a positive integer, got " + value);
        }

        private static long number(String value, String flag) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " needs an integer, got " + value);
            }
        }
    }
}
