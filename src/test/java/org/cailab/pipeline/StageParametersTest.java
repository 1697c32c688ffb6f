package org.cailab.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StageParametersTest {

    private static StageParameters of(String key, String value) {
        return StageParameters.of(RunConfig.of("x", "n").withParameter(key, value));
    }

    @Test
    void readsTypedValues() {
        assertThat(of("pm", " 12 ").id("pm")).isEqualTo(12);
        assertThat(of("runs", "3, 4,,5").ids("runs")).containsExactly(3L, 4L, 5L);
        assertThat(of("runs", "").ids("runs")).isEmpty();
        assertThat(of("other", "1").optionalId("pm")).isNull();
        assertThat(of("n", "7").integer("n", 1)).isEqualTo(7);
        assertThat(of("other", "7").integer("n", 1)).isEqualTo(1);
        assertThat(of("d", "0.25").decimal("d", 1)).isEqualTo(0.25);
        assertThat(of("f", "TRUE").flag("f", false)).isTrue();
    }

    @Test
    void failuresNameTheKeyAndTheValue() {
        assertThatThrownBy(() -> of("other", "1").id("preferenceModel"))
                .isInstanceOf(RunException.class)
                .hasMessage("Parameter \"preferenceModel\" is missing.");
        assertThatThrownBy(() -> of("pm", "best").id("pm"))
                .isInstanceOf(RunException.class)
                .hasMessageContaining("\"pm\"")
                .hasMessageContaining("\"best\"");
        assertThatThrownBy(() -> of("pm", "0").id("pm")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> of("runs", "3,x").ids("runs")).hasMessageContaining("\"runs\"");
        assertThatThrownBy(() -> of("n", "2.5").integer("n", 1)).hasMessageContaining("whole number");
        assertThatThrownBy(() -> of("d", "NaN").decimal("d", 1)).hasMessageContaining("\"d\"");
        assertThatThrownBy(() -> of("f", "yes").flag("f", false)).hasMessageContaining("true or false");
    }
}
