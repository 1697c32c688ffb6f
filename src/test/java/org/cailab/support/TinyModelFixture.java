package org.cailab.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.cailab.model.engine.BpeTokenizerTrainer;
import org.cailab.model.engine.BpeVocabulary;
import org.cailab.model.engine.LlamaConfig;
import org.cailab.model.engine.TinyModels;

/**
 * Real (tiny, randomly initialised) Llama-style model directories for tests of features that use models: a BPE
 * tokenizer trained on a few dialogues and random weights in Hugging Face layout. They generate real, if
 * meaningless, text through the engine in milliseconds.
 */
public final class TinyModelFixture {

    private TinyModelFixture() {}

    public static Path create(String purpose, long seed) {
        Path dir = TestDataDirs.create("model-" + purpose);
        try {
            List<String> corpus = new ArrayList<>();
            String[] words = {"hello", "world", "the", "model", "answer", "question", "good", "bad", "help", "please"};
            for (int i = 0; i < 200; i++) {
                corpus.add(new Conversation(List.of(
                                Turn.human(words[i % 10] + " " + words[(i * 7) % 10] + "?"),
                                Turn.assistant(words[(i * 3) % 10] + " " + words[(i * 5) % 10] + ".")))
                        .stripped()
                        .render());
            }
            BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                    .setVocabSize(320)
                    .optMinFrequency(1)
                    .build()
                    .train(corpus);
            vocab.write(dir);
            LlamaConfig config = LlamaConfig.builder()
                    .setVocabSize(vocab.size())
                    .setHiddenSize(32)
                    .setIntermediateSize(64)
                    .setNumLayers(2)
                    .setNumHeads(4)
                    .optNumKvHeads(2)
                    .optBosTokenId(0L)
                    .optEosTokenIds(List.of(0L))
                    .build();
            TinyModels.create(dir, config, seed);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
