package org.cailab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Dispatches {@code java -jar cailab.jar <command> ...} to the command-line tools of the features. */
public final class CommandLineTools {

    private static final Set<String> COMMANDS = Set.of("ratings", "model", "help", "--help");

    private CommandLineTools() {
    }

    public static boolean isCommand(String first) {
        return COMMANDS.contains(first);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "ratings" -> org.cailab.rating.RatingsCommand.run(rest, out, err);
            case "model" -> org.cailab.model.engine.LogitsCommand.run(rest, out, err);
            case "help", "--help" -> {
                out.println(usage());
                yield 0;
            }
            default -> {
                err.println("Unknown command '" + args[0] + "'.\n" + usage());
                yield 2;
            }
        };
    }

    static String usage() {
        return """
                Usage: java -jar cailab.jar [command]
                  (no command)                         start the web application
                  ratings --input FILE.jsonl [--method bt|elo] [--bootstrap N] [--anchor NAME] [--seed S]
                                                       ratings with intervals from arena-style battle lines
                  model logits --model DIR (--text "..." | --ids 1,2,3) [--top K]
                                                       next-token log-probabilities of a checkpoint, as JSON""";
    }
}
