package org.cailab.rating;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Benchmark, not a test: 1,000,000 simulated votes among 50 snapshots with known ratings, Bradley-Terry
 * with 100 bootstrap rounds, against plain online Elo over the same votes in the same JVM.
 *
 * <p>Arguments (all optional): votes, models, rounds, and {@code --with-file} to also time the
 * JSON-lines reader on the same votes written to a temporary file.
 */
public final class RatingsBenchmark {

    private static final long SEED = 2022;

    private RatingsBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<String> rest =
                List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        long votes = rest.size() > 0 ? Long.parseLong(rest.get(0)) : 1_000_000;
        int models = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 50;
        int rounds = rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 100;
        boolean withFile = List.of(args).contains("--with-file");
        double[] truth = trueRatings(models);

        System.out.printf(
                Locale.ROOT,
                "cores: %d available, common pool parallelism %d; max heap %d MiB; java %s%n",
                Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.commonPool().getParallelism(),
                Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "votes %,d, models %d, bootstrap rounds %d%n", votes, models, rounds);

        // Warm-up on a tenth of the votes so the timed runs measure compiled code.
        bradleyTerry(truth, votes / 10, rounds);
        elo(truth, votes / 10);

        Measured<Long> generate = measure(() -> {
            BattleSimulator sim = new BattleSimulator(truth, 0.3, SEED);
            long[] checksum = {0};
            sim.feed(votes, b -> checksum[0] += b.outcome().ordinal());
            return checksum[0];
        });
        Measured<RatingReport> bt = measure(() -> bradleyTerry(truth, votes, rounds));
        Measured<EloRating> elo = measure(() -> elo(truth, votes));

        report("simulate votes only", generate);
        report("BT + " + rounds + " bootstrap rounds", bt);
        System.out.println(lastBreakdown);
        report("online Elo (K=4)", elo);
        System.out.printf(
                Locale.ROOT,
                "ratio BT+bootstrap / Elo: %.2f (without simulation time: %.2f)%n",
                bt.seconds / elo.seconds,
                (bt.seconds - generate.seconds) / Math.max(1e-9, elo.seconds - generate.seconds));
        accuracy(truth, bt.value, elo.value);
        if (withFile) {
            readerThroughput(truth, votes);
        }
    }

    /** Evenly spaced from 800 to 1300, shuffled so that model names say nothing about strength. */
    private static double[] trueRatings(int models) {
        double[] r = BattleSimulator.spread(models, 800, 1300);
        SplittableRandom rng = new SplittableRandom(SEED);
        for (int i = r.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = r[i];
            r[i] = r[j];
            r[j] = t;
        }
        return r;
    }

    private static RatingReport bradleyTerry(double[] truth, long votes, int rounds) {
        long start = System.nanoTime();
        BattleTally tally = new BattleTally();
        new BattleSimulator(truth, 0.3, SEED).feed(votes, tally);
        PairCounts counts = tally.toCounts();
        long aggregated = System.nanoTime();
        BradleyTerry.fit(counts, BradleyTerrySettings.defaults());
        long fitted = System.nanoTime();
        RatingReport report = Ratings.bradleyTerry(
                counts, BradleyTerrySettings.defaults(), new BootstrapSettings(rounds, 0.95, SEED), Anchor.arena());
        long done = System.nanoTime();
        lastBreakdown = String.format(
                Locale.ROOT,
                "  of which: simulate + aggregate %.3f s, one BT fit %.4f s, fit + bootstrap %.3f s (%d pairs)",
                (aggregated - start) / 1e9,
                (fitted - aggregated) / 1e9,
                (done - fitted) / 1e9,
                counts.pairCount());
        return report;
    }

    private static String lastBreakdown = "";

    private static EloRating elo(double[] truth, long votes) {
        EloRating elo = new EloRating(EloSettings.arena());
        new BattleSimulator(truth, 0.3, SEED).feed(votes, elo::update);
        return elo;
    }

    private static void accuracy(double[] truth, RatingReport bt, EloRating elo) {
        BattleSimulator names = new BattleSimulator(truth, 0, 0);
        double[] centred = new Anchor.MeanCentred(1000).apply(truth, names.names());
        double btError = 0;
        double eloError = 0;
        int covered = 0;
        double width = 0;
        for (int i = 0; i < truth.length; i++) {
            ModelRating r = bt.rating(names.names().get(i));
            btError = Math.max(btError, Math.abs(r.rating() - centred[i]));
            eloError = Math.max(eloError, Math.abs(elo.rating(names.names().get(i)) - centred[i]));
            covered += centred[i] >= r.lower() && centred[i] <= r.upper() ? 1 : 0;
            width += (r.upper() - r.lower()) / truth.length;
        }
        System.out.printf(
                Locale.ROOT,
                "BT: %d Newton iterations, converged %s; max |error| %.2f; "
                        + "95%% intervals hold the truth for %d of %d models, mean width %.2f%n",
                bt.iterations(),
                bt.converged(),
                btError,
                covered,
                truth.length,
                width);
        System.out.printf(Locale.ROOT, "Elo: max |error| %.2f%n", eloError);
    }

    private static void readerThroughput(double[] truth, long votes) throws IOException {
        Path file = Files.createTempFile("battles", ".jsonl");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                BattleSimulator sim = new BattleSimulator(truth, 0.3, SEED);
                for (long k = 0; k < votes; k++) {
                    Battle b = sim.next();
                    w.write("{\"model_a\":\"" + b.modelA() + "\",\"model_b\":\"" + b.modelB() + "\",\"winner\":\""
                            + switch (b.outcome()) {
                                case A_WINS -> "model_a";
                                case B_WINS -> "model_b";
                                case TIE -> "tie";
                                case BOTH_BAD -> "tie (bothbad)";
                            }
                            + "\"}\n");
                }
            }
            Measured<Long> read = measure(() -> {
                try {
                    return ArenaBattleReader.read(file, new BattleTally());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            report("read " + (Files.size(file) >> 20) + " MiB JSON lines into a tally", read);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private record Measured<T>(T value, double seconds, long peakHeapBytes, long baselineHeapBytes) {}

    /** Wall time and peak heap of one phase; heap pools' peaks are reset after a GC at the start. */
    private static <T> Measured<T> measure(Supplier<T> work) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        T value = work.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        // Summing per-pool peaks over-states the true peak a little (pools peak at different moments).
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Measured<>(value, seconds, peak, baseline);
    }

    private static void report(String phase, Measured<?> m) {
        System.out.printf(
                Locale.ROOT,
                "%-40s %7.3f s   peak heap used %6.1f MiB (heap in use before: %.1f MiB)%n",
                phase,
                m.seconds,
                m.peakHeapBytes / 1048576.0,
                m.baselineHeapBytes / 1048576.0);
    }
}
