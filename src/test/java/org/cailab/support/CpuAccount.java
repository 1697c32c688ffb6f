package org.cailab.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a machine's CPU went between two snapshots (Linux {@code /proc}): this JVM's threads grouped by name (digits
 * folded, so that a pool's threads count together; libtorch's OpenMP workers are unnamed and show as {@code java}),
 * and every other process grouped by command ({@code postgres}, {@code node}, ...; Chromium's by process type:
 * {@code chromium renderer}, {@code chromium browser}, ...). A benchmark
 * prints it next to its latencies, so that one sees whether the server under test or the simulated clients had the
 * cores. Processes and threads that ended between the snapshots are not counted.
 */
public final class CpuAccount {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final long SELF = ProcessHandle.current().pid();

    private final Map<String, Long> ticks;
    private final long nanos;

    private CpuAccount(Map<String, Long> ticks, long nanos) {
        this.ticks = ticks;
        this.nanos = nanos;
    }

    /** CPU ticks so far per group; empty where {@code /proc} cannot be read. */
    public static CpuAccount now() {
        Map<String, Long> ticks = new HashMap<>();
        for (Path task : list(Path.of("/proc/self/task"))) {
            Stat stat = stat(task.resolve("stat"));
            if (stat != null) {
                ticks.merge("jvm " + stat.comm().replaceAll("[0-9]+", "#"), stat.ticks(), Long::sum);
            }
        }
        for (Path process : list(Path.of("/proc"))) {
            String name = process.getFileName().toString();
            if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == SELF) {
                continue;
            }
            Stat stat = stat(process.resolve("stat"));
            if (stat != null && stat.ticks() > 0) {
                ticks.merge(stat.comm() + chromiumType(process), stat.ticks(), Long::sum);
            }
        }
        return new CpuAccount(ticks, System.nanoTime());
    }

    /**
     * One line per group that used at least {@code minShare} of the machine since {@code before}, largest first: CPU
     * seconds and the share of all cores' time (cores x wall).
     */
    public String since(CpuAccount before, double minShare) {
        double wall = (nanos - before.nanos) / 1e9;
        double capacity = wall * Runtime.getRuntime().availableProcessors();
        List<Map.Entry<String, Double>> used = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Long> e : ticks.entrySet()) {
            double seconds = (e.getValue() - before.ticks.getOrDefault(e.getKey(), 0L)) / TICKS_PER_SECOND;
            if (seconds > 0) {
                used.add(Map.entry(e.getKey(), seconds));
                total += seconds;
            }
        }
        used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "CPU over %.1f s wall x %d cores: %.1f s used (%.0f%%)",
                wall,
                Runtime.getRuntime().availableProcessors(),
                total,
                100 * total / capacity));
        double small = 0;
        for (Map.Entry<String, Double> e : used) {
            if (e.getValue() / capacity >= minShare) {
                out.append(String.format(
                        Locale.ROOT, "; %s %.1f s (%.0f%%)", e.getKey(), e.getValue(), 100 * e.getValue() / capacity));
            } else {
                small += e.getValue();
            }
        }
        return out.append(String.format(Locale.ROOT, "; the rest %.1f s%n", small))
                .toString();
    }

    private record Stat(String comm, long ticks) {}

    /** {@code comm} and utime + stime from a {@code stat} file; null when it is gone or unreadable. */
    private static Stat stat(Path file) {
        try {
            String line = Files.readString(file);
            int open = line.indexOf('(');
            int close = line.lastIndexOf(')');
            String[] fields = line.substring(close + 2).split(" ");
            // after the command: state(0) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(11)
            return new Stat(line.substring(open + 1, close), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A Chromium process's {@code --type} (" renderer", " gpu-process", ...; " browser" for the main one), else "". */
    private static String chromiumType(Path process) {
        try {
            // Chromium rewrites its children's command lines as one string with spaces, so no split on NUL here
            String line = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
            if (!line.contains("chrom")) {
                return "";
            }
            int type = line.indexOf("--type=");
            if (type < 0) {
                return " browser";
            }
            int end = line.indexOf(' ', type);
            return " " + line.substring(type + "--type=".length(), end < 0 ? line.length() : end);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
