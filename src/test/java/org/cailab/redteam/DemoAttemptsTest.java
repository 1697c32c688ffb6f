package org.cailab.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.cailab.model.DemoAttempts;
import org.junit.jupiter.api.Test;

/**
 * The shipped demo red-team attempts: a valid import in hh-rlhf's shape, go-aheads rated above declines, and no
 * request that evaluations use as a held-out red-team prompt.
 */
class DemoAttemptsTest {

    @Test
    void theShippedSetIsAValidImportWhoseGoAheadsAreRatedAboveDeclines() {
        List<ImportedRecord> records = new ArrayList<>();
        AttemptFileReader.Result result =
                AttemptFileReader.read(new ByteArrayInputStream(DemoAttempts.defaultJsonLines()), records::add);
        assertThat(result.problems()).isEmpty();
        assertThat(result.records()).isEqualTo(DemoAttempts.DEFAULT_COUNT);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.rating()).isBetween(0.0, 4.0);
            assertThat(r.transcript()).startsWith("\n\nHuman: ").contains("\n\nAssistant: ");
        });
        double goAhead = mean(records, "go-ahead");
        double decline = mean(records, "decline");
        double helpful = mean(records, "helpful");
        assertThat(goAhead).as("mean rating of go-aheads").isGreaterThan(3.0);
        assertThat(decline).as("mean rating of declines").isLessThan(1.0);
        assertThat(helpful).as("mean rating of helpful answers").isLessThan(1.0);
        // noise: not every rating is its kind's
        assertThat(records).anyMatch(r -> r.taskDescription().endsWith("go-ahead") && r.rating() < 3);
    }

    @Test
    void noAttemptAsksAHeldOutRequest() {
        List<String> heldOut = DemoAttempts.heldOutRequests();
        assertThat(heldOut).hasSize(16);
        assertThat(DemoAttempts.attempts(DemoAttempts.DEFAULT_COUNT, DemoAttempts.SEED))
                .allSatisfy(
                        a -> assertThat(heldOut).noneMatch(h -> a.transcript().contains(h)));
    }

    @Test
    void theSameSeedGivesTheSameFile() {
        assertThat(DemoAttempts.defaultJsonLines()).isEqualTo(DemoAttempts.defaultJsonLines());
        assertThat(DemoAttempts.jsonLines(DemoAttempts.attempts(50, 1)))
                .isNotEqualTo(DemoAttempts.jsonLines(DemoAttempts.attempts(50, 2)));
    }

    private static double mean(List<ImportedRecord> records, String kind) {
        return records.stream()
                .filter(r -> r.taskDescription().equals("demo (templated): " + kind))
                .mapToDouble(ImportedRecord::rating)
                .average()
                .orElseThrow();
    }
}
