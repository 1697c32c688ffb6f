package org.cailab.comparison;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptTest {

    @Test
    void buildsThePapersDialogueFormat() {
        assertThat(Transcript.prompt(List.of(new Exchange("Hi", "Hello!")), "How are you?"))
                .isEqualTo("\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: How are you?\n\nAssistant:");
    }

    @Test
    void answersEndBeforeAHumanTurnTheModelStarted() {
        assertThat(AnswerGenerator.clean("  Sure.\n\nHuman: and then")).isEqualTo("Sure.");
        assertThat(AnswerGenerator.clean("The Human: is fine")).isEqualTo("The Human: is fine");
    }

    @Test
    void controlCharactersThatPostgresCannotStoreAreDropped() {
        assertThat(AnswerGenerator.clean("a\u0000b\u0007c\nd\te\uD800")).isEqualTo("abc\nd\te");
    }
}
