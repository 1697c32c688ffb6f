package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HarmEvalSummaryCacheTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void anEndedRunIsSummarisedOnceAndTheKeptSummaryEqualsARecomputation() {
        HarmEvalSummaryCache cache = new HarmEvalSummaryCache();
        List<HarmEvalItem> items = items(64, 16);
        List<HarmEvalSummary> first = cache.summaries(5, true, 64, 3, counting(items));
        List<HarmEvalSummary> again = cache.summaries(5, true, 64, 3, counting(items));
        assertThat(reads).hasValue(1);
        assertThat(again).isEqualTo(first).isEqualTo(HarmEvalSummary.of(items, 3));
        assertThat(first).hasSize(2).allSatisfy(s -> assertThat(s.samples()).isEqualTo(64 * 16));
    }

    @Test
    void moreFinishedItemsOrARunStillGoingAreSummarisedAfresh() {
        HarmEvalSummaryCache cache = new HarmEvalSummaryCache();
        List<HarmEvalItem> items = items(6, 2);
        cache.summaries(5, true, 5, 3, counting(items.subList(0, 5)));
        List<HarmEvalSummary> more = cache.summaries(5, true, 6, 3, counting(items));
        assertThat(reads).hasValue(2);
        assertThat(more).isEqualTo(HarmEvalSummary.of(items, 3));
        assertThat(more.getFirst().prompts()).isEqualTo(6);
        cache.summaries(6, false, 6, 3, counting(items));
        cache.summaries(6, false, 6, 3, counting(items));
        assertThat(reads).hasValue(4);
        // another run with the same count is another key
        cache.summaries(7, true, 6, 3, counting(items));
        assertThat(reads).hasValue(5);
    }

    private Supplier<List<HarmEvalItem>> counting(List<HarmEvalItem> items) {
        return () -> {
            reads.incrementAndGet();
            return items;
        };
    }

    private static List<HarmEvalItem> items(int prompts, int samples) {
        Random random = new Random(4);
        List<HarmEvalItem> out = new ArrayList<>();
        for (int p = 0; p < prompts; p++) {
            List<HarmEvalSample> list = new ArrayList<>();
            for (long snapshot : new long[] {11, 12}) {
                for (int i = 0; i < samples; i++) {
                    list.add(new HarmEvalSample(snapshot, "s" + snapshot, i, i, " answer", random.nextGaussian()));
                }
            }
            out.add(new HarmEvalItem(p + 1, "\n\nHuman: q\n\nAssistant:", list));
        }
        return out;
    }
}
