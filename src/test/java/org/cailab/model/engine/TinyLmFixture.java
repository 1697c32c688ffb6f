package org.cailab.model.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;

/** Writes a tiny model directory with a BPE tokenizer trained on a small dialogue corpus. */
final class TinyLmFixture {

    private TinyLmFixture() {}

    /** A few hundred lines of Human/Assistant dialogue built from templates (deterministic). */
    static List<String> corpus(int lines) {
        String[] subjects = {"the cat", "my dog", "a robot", "the teacher", "our team", "the model"};
        String[] verbs = {"likes", "reads", "builds", "cleans", "explains", "paints"};
        String[] objects = {"the house", "a book", "small boxes", "red apples", "the garden", "long stories"};
        Random random = new Random(42);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            String s = subjects[random.nextInt(subjects.length)];
            String v = verbs[random.nextInt(verbs.length)];
            String o = objects[random.nextInt(objects.length)];
            out.add(new Conversation(List.of(
                            Turn.human("What does " + s + " do?"),
                            Turn.assistant(capitalize(s) + " " + v + " " + o + ".")))
                    .stripped()
                    .render());
        }
        return out;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Trains a tokenizer on the corpus and writes a random model whose vocabulary matches it. */
    static LlamaConfig create(Path dir, LlamaConfig shape, long seed) throws IOException {
        BpeVocabulary vocab = BpeTokenizerTrainer.builder()
                .setVocabSize(360)
                .optMinFrequency(1)
                .build()
                .train(corpus(200));
        vocab.write(dir);
        LlamaConfig config = LlamaConfig.builder()
                .optArchitecture(shape.architecture())
                .setVocabSize(vocab.size())
                .setHiddenSize(shape.hiddenSize())
                .setIntermediateSize(shape.intermediateSize())
                .setNumLayers(shape.numLayers())
                .setNumHeads(shape.numHeads())
                .optNumKvHeads(shape.numKvHeads())
                .optTieWordEmbeddings(shape.tieWordEmbeddings())
                .optBosTokenId(0L)
                .optEosTokenIds(List.of(0L))
                .build();
        TinyModels.create(dir, config, seed);
        return config;
    }
}
