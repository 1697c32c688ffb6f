package org.cailab.comparison;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProlificLinkTest {

    private static final String PID = "5f3c9a1b2d4e6f7a8b9c0d1e";

    @Test
    void acceptsAProperLink() {
        ProlificLink link = ProlificLink.parse("12", PID, "study42", "sessionABC");
        assertThat(link.campaignId()).isEqualTo(12);
        assertThat(link.username()).isEqualTo("prolific-" + PID);
    }

    @Test
    void refusesPlaceholdersAndInjections() {
        assertThatThrownBy(() -> ProlificLink.parse("12", "{{%PROLIFIC_PID%}}", "s", "x"))
                .hasMessageContaining("PROLIFIC_PID");
        assertThatThrownBy(() -> ProlificLink.parse("12", PID.substring(1), "s", "x"))
                .hasMessageContaining("PROLIFIC_PID");
        assertThatThrownBy(() -> ProlificLink.parse("12", PID, "<script>", "x")).hasMessageContaining("STUDY_ID");
        assertThatThrownBy(() -> ProlificLink.parse("12", PID, "s", null)).hasMessageContaining("SESSION_ID");
        assertThatThrownBy(() -> ProlificLink.parse("12x", PID, "s", "x")).hasMessageContaining("campaign");
        assertThatThrownBy(() -> ProlificLink.parse("0", PID, "s", "x")).hasMessageContaining("campaign");
    }
}
