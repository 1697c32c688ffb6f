package org.cailab.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationTest {

    @Test
    void rendersTheTranscriptFormat() {
        Conversation conversation = Conversation.of("Hi there", "Hello! How can I help?", "Tell me a joke.");

        assertThat(conversation.render())
                .isEqualTo("\n\nHuman: Hi there\n\nAssistant: Hello! How can I help?\n\nHuman: Tell me a joke.");
    }

    @Test
    void parsesWhatItRenders() {
        String transcript = "\n\nHuman: One\ntwo  \n\nAssistant:  leading space kept\n\n\n\nHuman: \n\nAssistant: x";

        Conversation conversation = Conversation.parse(transcript);

        assertThat(conversation.turns())
                .containsExactly(
                        new Turn(Turn.Speaker.HUMAN, "One\ntwo  "),
                        new Turn(Turn.Speaker.ASSISTANT, " leading space kept\n\n"),
                        new Turn(Turn.Speaker.HUMAN, ""),
                        new Turn(Turn.Speaker.ASSISTANT, "x"));
        assertThat(conversation.render()).isEqualTo(transcript);
    }

    @Test
    void aMarkerWithoutItsSpaceStaysInsideTheTurn() {
        String transcript = "\n\nHuman: question\n\nAssistant:";

        Conversation conversation = Conversation.parse(transcript);

        assertThat(conversation.turns()).hasSize(1);
        assertThat(conversation.turns().getFirst().text()).isEqualTo("question\n\nAssistant:");
        assertThat(conversation.render()).isEqualTo(transcript);
    }

    @Test
    void emptyTextIsAnEmptyConversation() {
        assertThat(Conversation.parse("").isEmpty()).isTrue();
        assertThat(new Conversation(List.of()).render()).isEmpty();
    }

    @Test
    void refusesTextBeforeTheFirstTurn() {
        assertThatThrownBy(() -> Conversation.parse("Human: hi"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with");
    }

    @Test
    void rendersAndParsesOtherLabels() {
        Conversation conversation = Conversation.of("q", "a");

        String rendered = conversation.render("H", "A");

        assertThat(rendered).isEqualTo("\n\nH: q\n\nA: a");
        assertThat(Conversation.parse(rendered, "H", "A")).isEqualTo(conversation);
    }

    @Test
    void withAppendsATurn() {
        Conversation conversation = Conversation.of("q").with(Turn.Speaker.ASSISTANT, "a");

        assertThat(conversation).isEqualTo(Conversation.of("q", "a"));
        assertThat(conversation.lastTurn().speaker()).isEqualTo(Turn.Speaker.ASSISTANT);
    }
}
