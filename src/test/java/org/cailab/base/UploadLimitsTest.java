package org.cailab.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class UploadLimitsTest {

    @Test
    void aFileOverTheConfiguredLimitIsRefusedWithItsNameSizeAndTheLimit() {
        UploadLimits limits = new UploadLimits(DataSize.ofMegabytes(5));
        limits.check("small.jsonl", 5L << 20);
        assertThatThrownBy(() -> limits.check("big.jsonl.gz", 7L << 20))
                .isInstanceOf(InputTooLargeException.class)
                .hasMessageContaining("big.jsonl.gz")
                .hasMessageContaining("too large")
                .hasMessageContaining("7 MB")
                .hasMessageContaining("5 MB")
                .hasMessageContaining("CAILAB_IMPORTS_MAX_UPLOAD_SIZE");
        assertThat(new UploadLimits(DataSize.ofGigabytes(4)).maxBytesForUpload())
                .isEqualTo(Integer.MAX_VALUE);
    }
}
