package org.cailab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The share of an upload read so far, as the import progress bar shows it. */
class ImportProgressTest {

    @Test
    void reportsEachWholePercentOnceAndOneOnlyAtTheEnd() throws IOException {
        byte[] file = new byte[1000];
        List<Double> reported = new ArrayList<>();
        try (InputStream in =
                new ImportProgress.CountingInputStream(new ByteArrayInputStream(file), file.length, reported::add)) {
            byte[] buffer = new byte[7];
            assertThat(in.read()).isZero();
            while (in.read(buffer, 0, buffer.length) > 0) {
                assertThat(reported.getLast()).isLessThan(1.0);
            }
        }
        assertThat(reported).first().isEqualTo(0.0);
        assertThat(reported).last().isEqualTo(1.0);
        assertThat(reported).isSorted().doesNotHaveDuplicates();
        assertThat(reported.get(reported.size() - 2))
                .as("the last share before the end")
                .isEqualTo(0.99);
        assertThat(reported).hasSizeBetween(90, 101);
    }

    @Test
    void anEmptyFileIsReadToTheEndAtOnce() throws IOException {
        List<Double> reported = new ArrayList<>();
        try (InputStream in =
                new ImportProgress.CountingInputStream(new ByteArrayInputStream(new byte[0]), 0, reported::add)) {
            assertThat(in.read()).isEqualTo(-1);
        }
        assertThat(reported).containsExactly(1.0);
    }
}
