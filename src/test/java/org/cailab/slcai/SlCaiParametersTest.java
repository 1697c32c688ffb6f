package org.cailab.slcai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunException;
import org.junit.jupiter.api.Test;

class SlCaiParametersTest {

    private static final RunConfig BASE = RunConfig.of(SlCaiService.RUN_TYPE, "test");

    @Test
    void defaultsFollowThePaper() {
        SlCaiParameters p = SlCaiParameters.of(BASE);
        assertThat(p).isEqualTo(new SlCaiParameters(4, false, 2, null, null, ChainLayout.PAIR));
    }

    @Test
    void valuesAreReadCheckedAndWrittenBackNormalised() {
        RunConfig config = BASE.withParameter("rounds", " 2 ")
                .withParameter("directRevision", "TRUE")
                .withParameter("samplesPerHelpfulPrompt", "3")
                .withParameter("fewShotExamples", "5")
                .withParameter("helpfulPromptSetId", "17")
                .withParameter("chainLayout", " Cumulative");
        SlCaiParameters p = SlCaiParameters.of(config).withFewShotExamples(2);
        assertThat(p).isEqualTo(new SlCaiParameters(2, true, 3, 2, 17L, ChainLayout.CUMULATIVE));
        assertThat(SlCaiParameters.of(p.writeTo(BASE))).isEqualTo(p);
        assertThat(SlCaiParameters.of(BASE).withFewShotExamples(3).fewShotExamples())
                .isEqualTo(3);
    }

    @Test
    void aRunRecordedWithoutALayoutWasMadeCumulatively() {
        assertThat(SlCaiParameters.ofRecorded(BASE).layout()).isEqualTo(ChainLayout.CUMULATIVE);
        assertThat(SlCaiParameters.ofRecorded(SlCaiParameters.of(BASE).writeTo(BASE))
                        .layout())
                .isEqualTo(ChainLayout.PAIR);
        assertThat(SlCaiParameters.of(BASE).writeTo(BASE).parameters()).containsEntry("chainLayout", "pair");
    }

    @Test
    void badValuesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> SlCaiParameters.of(BASE.withParameter("chainLayout", "spiral")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("pair, cumulative");
        assertThatThrownBy(() -> SlCaiParameters.of(BASE.withParameter("rounds", "17")))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("between 0 and 16");
        assertThatThrownBy(() -> SlCaiParameters.of(BASE.withParameter("rounds", "many")))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SlCaiParameters.of(BASE.withParameter("directRevision", "maybe")))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> SlCaiParameters.of(BASE.withParameter("fewShotExamples", "some")))
                .hasMessageContaining("\"all\"");
        assertThatThrownBy(() -> SlCaiParameters.of(BASE.withParameter("samplesPerHelpfulPrompt", "0")))
                .hasMessageContaining("between 1 and 16");
    }
}
