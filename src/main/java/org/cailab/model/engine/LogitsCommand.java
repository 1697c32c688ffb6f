package org.cailab.model.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDScope;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code model logits --model DIR (--text "..." | --ids 1,2,3) [--top K] [--device cpu|gpu]
 * [--no-special-tokens]}: prints JSON with the input's token ids and, for every position, the log-probabilities of
 * the next token (all of them, or the top K with their ids).
 */
public final class LogitsCommand {

    static final String USAGE = "usage: model logits --model DIR (--text \"...\" | --ids 1,2,3) [--top K]"
            + " [--device cpu|gpu] [--no-special-tokens]";

    private LogitsCommand() {}

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code model}, starting with {@code logits}
     * @return 0 on success, 2 on a usage error, 1 when the model cannot be run
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            out.println(Json.MAPPER.writeValueAsString(compute(options)));
            return 0;
        } catch (RuntimeException e) {
            err.println("model logits: " + e.getMessage());
            return 1;
        }
    }

    private static ObjectNode compute(Options o) {
        Device device = Device.fromName(o.device);
        boolean needTokenizer = o.text != null || Files.isRegularFile(o.model.resolve("tokenizer.json"));
        try (LlamaModel model = LlamaModel.load(o.model, device);
                TextTokenizer tokenizer = needTokenizer ? TextTokenizer.load(o.model) : null) {
            GradMode.disable();
            long[] ids = o.ids != null ? o.ids : tokenizer.encode(o.text, o.specialTokens);
            int vocab = model.config().vocabSize();
            for (long id : ids) {
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException("token id " + id + " outside the vocabulary of " + vocab);
                }
            }
            if (ids.length == 0) {
                throw new IllegalArgumentException("no tokens to run");
            }
            float[] logProbs;
            try (NDScope ignored = new NDScope()) {
                int[][] mask = new int[1][ids.length];
                Arrays.fill(mask[0], 1);
                logProbs = model.forward(new long[][] {ids}, mask, null, ids.length)
                        .logSoftmax(-1)
                        .toFloatArray();
            }
            return json(o, model.config(), tokenizer, ids, logProbs);
        }
    }

    private static ObjectNode json(
            Options o, LlamaConfig config, @Nullable TextTokenizer tokenizer, long[] ids, float[] logProbs) {
        int vocab = config.vocabSize();
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("model", o.model.toString());
        root.put("architecture", config.architecture().className());
        root.put("vocab_size", vocab);
        ArrayNode idArray = root.putArray("token_ids");
        Arrays.stream(ids).forEach(idArray::add);
        if (tokenizer != null) {
            ArrayNode tokens = root.putArray("tokens");
            Arrays.stream(ids).forEach(id -> tokens.add(tokenizer.decodeAll(new long[] {id})));
        }
        ArrayNode positions = root.putArray("positions");
        for (int p = 0; p < ids.length; p++) {
            ObjectNode position = positions.addObject();
            position.put("position", p);
            position.put("token_id", ids[p]);
            int offset = p * vocab;
            if (o.top > 0) {
                ArrayNode top = position.putArray("top");
                for (int id : topK(logProbs, offset, vocab, o.top)) {
                    ObjectNode entry = top.addObject().put("id", id);
                    if (tokenizer != null) {
                        entry.put("token", tokenizer.decodeAll(new long[] {id}));
                    }
                    entry.put("logprob", logProbs[offset + id]);
                }
            } else {
                ArrayNode all = position.putArray("logprobs");
                for (int v = 0; v < vocab; v++) {
                    all.add(logProbs[offset + v]);
                }
            }
        }
        return root;
    }

    private static int[] topK(float[] values, int offset, int vocab, int k) {
        Integer[] order = new Integer[vocab];
        for (int i = 0; i < vocab; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(values[offset + b], values[offset + a]));
        return Arrays.stream(order)
                .limit(Math.min(k, vocab))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private static final class Options {
        Path model;

        @Nullable
        String text;

        long @Nullable [] ids;
        int top;
        String device = "cpu";
        boolean specialTokens = true;

        /** Null for a help request. */
        static @Nullable Options parse(List<String> args) {
            if (args.isEmpty() || !args.getFirst().equals("logits")) {
                throw new IllegalArgumentException("expected the subcommand 'logits'");
            }
            Options o = new Options();
            List<String> rest = new ArrayList<>(args.subList(1, args.size()));
            for (int i = 0; i < rest.size(); i++) {
                String flag = rest.get(i);
                switch (flag) {
                    case "--help", "-h" -> {
                        return null;
                    }
                    case "--no-special-tokens" -> o.specialTokens = false;
                    case "--model" -> o.model = Path.of(value(rest, ++i, flag));
                    case "--text" -> o.text = value(rest, ++i, flag);
                    case "--ids" -> o.ids = ids(value(rest, ++i, flag));
                    case "--top" -> o.top = positive(value(rest, ++i, flag), flag);
                    case "--device" -> o.device = value(rest, ++i, flag);
                    default -> throw new IllegalArgumentException("unknown argument " + flag);
                }
            }
            if (o.model == null) {
                throw new IllegalArgumentException("--model is required");
            }
            if ((o.text == null) == (o.ids == null)) {
                throw new IllegalArgumentException("give exactly one of --text and --ids");
            }
            return o;
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

        private static long[] ids(String value) {
            try {
                return Arrays.stream(value.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .mapToLong(Long::parseLong)
                        .toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--ids needs comma-separated integers, got " + value);
            }
        }
    }
}
