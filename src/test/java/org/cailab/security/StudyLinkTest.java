package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StudyLinkTest {

    private static final String PID = "5f3c9a1b2d4e6f7a8b9c0d1e";
    private static final String KEY = "Abc-def_123";

    @Test
    void acceptsAProperLink() {
        StudyLink link = StudyLink.parse("12", KEY, PID, "study42", "sessionABC");
        assertThat(link.campaignId()).isEqualTo(12);
        assertThat(link.key()).isEqualTo(KEY);
        assertThat(link.username()).isEqualTo("prolific-" + PID);
    }

    @Test
    void refusesPlaceholdersInjectionsAndLinksWithoutKey() {
        assertThatThrownBy(() -> StudyLink.parse("12", KEY, "{{%PROLIFIC_PID%}}", "s", "x"))
                .hasMessageContaining("PROLIFIC_PID");
        assertThatThrownBy(() -> StudyLink.parse("12", KEY, PID.substring(1), "s", "x"))
                .hasMessageContaining("PROLIFIC_PID");
        assertThatThrownBy(() -> StudyLink.parse("12", KEY, PID, "<script>", "x"))
                .hasMessageContaining("STUDY_ID");
        assertThatThrownBy(() -> StudyLink.parse("12", KEY, PID, "s", null)).hasMessageContaining("SESSION_ID");
        assertThatThrownBy(() -> StudyLink.parse("12x", KEY, PID, "s", "x")).hasMessageContaining("campaign");
        assertThatThrownBy(() -> StudyLink.parse("0", KEY, PID, "s", "x")).hasMessageContaining("campaign");
        assertThatThrownBy(() -> StudyLink.parse("12", null, PID, "s", "x")).hasMessageContaining("key");
        assertThatThrownBy(() -> StudyLink.parse("12", "a b", PID, "s", "x")).hasMessageContaining("key");
    }

    @Test
    void idsThatDifferOnlyInCaseGetDifferentAccounts() {
        String upper = "5F3C9A1B2D4E6F7A8B9C0D1E";
        String mixed = "5F3c9a1b2d4e6f7a8b9c0d1e";
        String a = StudyLink.parse("1", KEY, PID, "s", "x").username();
        String b = StudyLink.parse("1", KEY, upper, "s", "x").username();
        String c = StudyLink.parse("1", KEY, mixed, "s", "x").username();
        assertThat(java.util.stream.Stream.of(a, b, c)
                        .map(n -> n.toLowerCase(java.util.Locale.ROOT))
                        .distinct())
                .hasSize(3);
        assertThat(c).isEqualTo("prolific-" + PID + "-2");
        assertThat(b.length()).isLessThanOrEqualTo(64);
    }
}
