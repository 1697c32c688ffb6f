package org.cailab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {

    static final List<String> CORPUS = List.of(
            "\n\nHuman: How do I bake bread?\n\nAssistant: Mix flour, water, salt and yeast, then bake it.",
            "\n\nHuman: Tell me a joke.\n\nAssistant: Why did the chicken cross the road? To get to the other side.",
            "The quick brown fox jumps over the lazy dog. The dog sleeps.",
            "I'm sorry, but I can't help with that. Let's talk about something else.");

    @Test
    void trainedTokenizerLoadsInDjlAndRoundTrips(@TempDir Path dir) throws Exception {
        BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                .setVocabSize(330)
                .optMinFrequency(1)
                .build()
                .train(CORPUS);
        assertThat(vocab.size()).isEqualTo(330);
        assertThat(vocab.tokens().getFirst()).isEqualTo(BpeVocabulary.END_OF_TEXT);
        vocab.write(dir);
        try (TextTokenizer tokenizer = TextTokenizer.load(dir)) {
            String text = "\n\nHuman: Tell me how to bake a cake.\n\nAssistant: Sure — mix 2 eggs, flour… ünïcödé 😀";
            long[] ids = tokenizer.encode(text);
            assertThat(java.util.Arrays.stream(ids).allMatch(id -> id >= 1 && id < 330))
                    .isTrue();
            assertThat(tokenizer.decode(ids)).isEqualTo(text);
            // merges learned from the corpus compress it
            assertThat(tokenizer.encode(CORPUS.get(0)).length)
                    .isLessThan(CORPUS.get(0).length() / 2);
            // no silent truncation at 512
            String longText = "the dog sleeps. ".repeat(400);
            assertThat(tokenizer.decode(tokenizer.encode(longText))).isEqualTo(longText);
            assertThat(tokenizer.encode(longText).length).isGreaterThan(600);
            // the special token is one id and decode drops it
            assertThat(tokenizer.encode(BpeVocabulary.END_OF_TEXT + "Hi")).startsWith(0L);
            assertThat(tokenizer.decode(tokenizer.encode(BpeVocabulary.END_OF_TEXT + "Hi")))
                    .isEqualTo("Hi");
        }
    }

    @Test
    void trainingIsDeterministic() {
        var trainer = BpeTokenizerTrainer.builder().setVocabSize(300).build();
        assertThat(trainer.train(CORPUS)).isEqualTo(trainer.train(CORPUS));
    }
}
