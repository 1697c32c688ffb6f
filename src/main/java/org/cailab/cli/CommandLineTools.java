package org.cailab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Dispatches {@code java -jar cailab.jar <command> ...} to the command-line tools of the features. */
public final class CommandLineTools {

    private static final Set<String> COMMANDS = Set.of("ratings", "model", "eval", "pm", "help", "--help");

    private CommandLineTools() {}

    public static boolean isCommand(String first) {
        return COMMANDS.contains(first);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        quietLogging();
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "ratings" -> org.cailab.rating.RatingsCommand.run(rest, out, err);
            case "model" -> org.cailab.model.engine.LogitsCommand.run(rest, out, err);
            case "eval" -> org.cailab.evaluation.EvalCommand.run(rest, out, err);
            case "pm" -> org.cailab.model.engine.PreferenceScoreCommand.run(rest, out, err);
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

    /** Standard output carries the command's result (JSON): log only warnings, and only to standard error. */
    private static void quietLogging() {
        if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        context.reset();
        var encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{20}: %msg%n");
        encoder.start();
        var appender = new ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        root.addAppender(appender);
        // DJL warns about CUDA on every machine without a GPU driver
        context.getLogger("ai.djl.util.cuda").setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    static String usage() {
        return """
                Usage: java -jar cailab.jar [command]
                  (no command)                         start the web application
                  ratings --input FILE.jsonl [--method bt|elo] [--bootstrap N] [--anchor NAME] [--seed S]
                                                       ratings with intervals from arena-style battle lines
                  model logits --model DIR (--text "..." | --ids 1,2,3) [--top K]
                                                       next-token log-probabilities of a checkpoint, as JSON
                  eval --model DIR --input FILE.jsonl [--limit N] [--cot]
                                                       multiple-choice evaluation: per-item probabilities,
                                                       accuracy and calibration, as JSON lines
                  pm score --model DIR --input FILE.jsonl [--batch N]
                                                       preference-model scores of {"conversation","response"} lines""";
    }
}
