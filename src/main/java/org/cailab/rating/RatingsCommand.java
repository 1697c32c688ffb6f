package org.cailab.rating;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ratings --input FILE.jsonl [--method bt|elo] [--bootstrap N] [--anchor NAME] [--seed S] [--prior L]}:
 * reads arena-style battles and prints the rating table as JSON.
 */
public final class RatingsCommand {

    static final String USAGE = """
            usage: ratings --input FILE.jsonl [--method bt|elo] [--bootstrap N] [--anchor NAME] [--seed S] [--prior L]
              --input FILE   JSON lines with model_a, model_b, winner (model_a | model_b | tie | tie (bothbad))
              --method       bt (Bradley-Terry, default) or elo (online Elo, K=4)
              --bootstrap N  bootstrap rounds for 95% intervals (default 100; 0 for none)
              --anchor NAME  fix this model at 0 (default: mean 1000)
              --seed S       bootstrap seed (default 42)
              --prior L      Bradley-Terry L2 prior on log-odds strengths (default 0)""";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RatingsCommand() {}

    /** Options of one invocation. */
    record Options(
            Path input,
            String method,
            int bootstrap,
            @Nullable String anchor,
            long seed,
            double prior) {}

    /**
     * Runs the command. A leading {@code ratings} token, as passed on by a dispatching main class,
     * is skipped.
     *
     * @return 0 on success, 1 on unreadable or invalid input, 2 on bad arguments
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args.isEmpty() || !args.getFirst().equals("ratings") ? args : args.subList(1, args.size()));
        } catch (IllegalArgumentException e) {
            err.println("ratings: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            RatingReport report = rate(options);
            if (!report.converged()) {
                err.println("ratings: warning: the fit did not converge in " + report.iterations()
                        + " iterations (a model may never have lost); try --prior 1e-6");
            }
            if (report.unconvergedRounds() > 0) {
                err.println("ratings: warning: in " + report.unconvergedRounds() + " of " + report.bootstrapRounds()
                        + " bootstrap rounds some model never lost, so its rating ran off and widened the"
                        + " intervals; more battles or --prior 1e-6 help");
            }
            out.println(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(report, options)));
            return 0;
        } catch (NoSuchFileException e) {
            err.println("ratings: no such file: " + options.input());
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("ratings: cannot read " + options.input() + ": " + e.getMessage());
        } catch (BattleFormatException e) {
            err.println("ratings: " + options.input() + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            err.println("ratings: " + e.getMessage());
        }
        return 1;
    }

    private static RatingReport rate(Options options) throws IOException {
        BootstrapSettings bootstrap = new BootstrapSettings(options.bootstrap(), 0.95, options.seed());
        if (options.method().equals("elo")) {
            // Elo depends on order, so it keeps the battles (compactly); BT only keeps pair counts.
            BattleLog log = new BattleLog();
            requireBattles(ArenaBattleReader.read(options.input(), log), options);
            EloSettings elo = EloSettings.arena();
            Anchor anchor =
                    options.anchor() == null ? new Anchor.MeanCentred(elo.initial()) : Anchor.toModel(options.anchor());
            return Ratings.elo(log, elo, bootstrap, anchor);
        }
        BattleTally tally = new BattleTally();
        requireBattles(ArenaBattleReader.read(options.input(), tally), options);
        Anchor anchor = options.anchor() == null ? Anchor.arena() : Anchor.toModel(options.anchor());
        return Ratings.bradleyTerry(
                tally.toCounts(), BradleyTerrySettings.defaults().withPrior(options.prior()), bootstrap, anchor);
    }

    private static void requireBattles(long battles, Options options) {
        if (battles == 0) {
            throw new IllegalArgumentException(options.input() + " holds no battles");
        }
    }

    private static ObjectNode toJson(RatingReport report, Options options) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("method", report.method());
        root.put("battles", report.battles());
        root.put("bootstrapRounds", report.bootstrapRounds());
        root.put("level", report.level());
        root.put("anchor", report.anchor());
        root.put("seed", options.seed());
        root.put("iterations", report.iterations());
        root.put("converged", report.converged());
        root.put("unconvergedRounds", report.unconvergedRounds());
        ArrayNode models = root.putArray("models");
        for (ModelRating r : report.ratings()) {
            models.addObject()
                    .put("model", r.model())
                    .put("rating", r.rating())
                    .put("lower", r.lower())
                    .put("upper", r.upper())
                    .put("votes", r.votes())
                    .put("rank", r.rank());
        }
        return root;
    }

    /** Parses arguments; null means help was asked for. */
    static @Nullable Options parse(List<String> args) {
        Path input = null;
        String method = "bt";
        int bootstrap = 100;
        String anchor = null;
        long seed = 42;
        double prior = 0;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--help") || flag.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(
                        flag.startsWith("--") ? flag + " needs a value" : "unexpected argument " + flag);
            }
            String value = args.get(++i);
            switch (flag) {
                case "--input" -> input = Path.of(value);
                case "--method" ->
                    method = switch (value) {
                        case "bt", "elo" -> value;
                        default -> throw new IllegalArgumentException("--method must be bt or elo, not " + value);
                    };
                case "--bootstrap" -> bootstrap = nonNegativeInt(flag, value);
                case "--anchor" -> anchor = value;
                case "--seed" -> seed = number(flag, value, Long::parseLong);
                case "--prior" -> prior = number(flag, value, Double::parseDouble);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (input == null) {
            throw new IllegalArgumentException("--input is required");
        }
        if (!(prior >= 0) || Double.isInfinite(prior)) {
            throw new IllegalArgumentException("--prior must be a finite number >= 0, not " + prior);
        }
        return new Options(input, method, bootstrap, anchor, seed, prior);
    }

    private static int nonNegativeInt(String flag, String value) {
        int n = number(flag, value, Integer::parseInt);
        if (n < 0) {
            throw new IllegalArgumentException(flag + " must be >= 0, not " + value);
        }
        return n;
    }

    private static <T> T number(String flag, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " expects a number, not " + value);
        }
    }
}
