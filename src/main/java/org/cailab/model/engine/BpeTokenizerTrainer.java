package org.cailab.model.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Trains a byte-level BPE tokenizer (GPT-2 style) in Java; the result writes a Hugging Face {@code tokenizer.json}
 * that DJL's {@code HuggingFaceTokenizer} and {@code transformers} load. Every byte is in the vocabulary, so any
 * text encodes. Ties between equally frequent pairs are broken by token ids, so training is deterministic.
 */
public final class BpeTokenizerTrainer {

    private final int vocabSize;
    private final List<String> specialTokens;
    private final int minFrequency;

    private BpeTokenizerTrainer(Builder builder) {
        this.vocabSize = builder.vocabSize;
        this.specialTokens = List.copyOf(builder.specialTokens);
        this.minFrequency = builder.minFrequency;
        if (vocabSize < 256 + specialTokens.size()) {
            throw new IllegalArgumentException("vocabulary size " + vocabSize + " is below the 256 bytes plus "
                    + specialTokens.size() + " special tokens");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Learns merges from the texts until the vocabulary is full or no pair occurs {@code minFrequency} times. */
    public BpeVocabulary train(Iterable<String> texts) {
        List<String> vocab = new ArrayList<>(specialTokens);
        Map<String, Integer> ids = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            vocab.add(String.valueOf(ByteLevel.charOf(b)));
        }
        for (int i = 0; i < vocab.size(); i++) {
            ids.put(vocab.get(i), i);
        }
        Map<String, Integer> wordCounts = new LinkedHashMap<>();
        for (String text : texts) {
            for (String piece : ByteLevel.pretokenize(text)) {
                wordCounts.merge(piece, 1, Integer::sum);
            }
        }
        List<int[]> words = new ArrayList<>();
        List<Integer> freqs = new ArrayList<>();
        wordCounts.forEach((word, count) -> {
            int[] symbols = new int[word.length()];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = ids.get(String.valueOf(word.charAt(i)));
            }
            words.add(symbols);
            freqs.add(count);
        });
        List<String> merges = new PairCounter(words, freqs).merge(vocab, vocabSize, minFrequency);
        return new BpeVocabulary(vocab, merges, specialTokens);
    }

    /** Pair statistics kept up to date as merges are applied, with a lazily invalidated priority queue. */
    private static final class PairCounter {
        private final List<int[]> words;
        private final List<Integer> freqs;
        private final Map<Long, Long> counts = new HashMap<>();
        private final Map<Long, Set<Integer>> where = new HashMap<>();
        private final PriorityQueue<long[]> queue =
                new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(a[1], b[1]));

        PairCounter(List<int[]> words, List<Integer> freqs) {
            this.words = words;
            this.freqs = freqs;
            Set<Long> touched = new HashSet<>();
            for (int w = 0; w < words.size(); w++) {
                count(w, +1, touched);
            }
            touched.forEach(this::push);
        }

        List<String> merge(List<String> vocab, int vocabSize, int minFrequency) {
            List<String> merges = new ArrayList<>();
            while (vocab.size() < vocabSize && !queue.isEmpty()) {
                long[] top = queue.poll();
                long pair = top[1];
                if (counts.getOrDefault(pair, 0L) != top[0]) {
                    continue; // stale entry
                }
                if (top[0] < minFrequency) {
                    break;
                }
                int a = (int) (pair >>> 32);
                int b = (int) pair;
                int merged = vocab.size();
                vocab.add(vocab.get(a) + vocab.get(b));
                merges.add(vocab.get(a) + " " + vocab.get(b));
                Set<Long> touched = new HashSet<>();
                for (int w : new ArrayList<>(where.remove(pair))) {
                    count(w, -1, touched);
                    words.set(w, apply(words.get(w), a, b, merged));
                    count(w, +1, touched);
                }
                counts.remove(pair);
                touched.remove(pair);
                touched.forEach(this::push);
            }
            return merges;
        }

        private void count(int w, int sign, Set<Long> touched) {
            int[] s = words.get(w);
            long f = freqs.get(w);
            for (int i = 0; i + 1 < s.length; i++) {
                long pair = ((long) s[i] << 32) | (s[i + 1] & 0xffffffffL);
                counts.merge(pair, sign * f, Long::sum);
                if (sign > 0) {
                    where.computeIfAbsent(pair, k -> new HashSet<>()).add(w);
                }
                touched.add(pair);
            }
        }

        private void push(long pair) {
            long c = counts.getOrDefault(pair, 0L);
            if (c > 0) {
                queue.add(new long[] {c, pair});
            }
        }

        private static int[] apply(int[] s, int a, int b, int merged) {
            int[] out = new int[s.length];
            int n = 0;
            for (int i = 0; i < s.length; i++) {
                if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
                    out[n++] = merged;
                    i++;
                } else {
                    out[n++] = s[i];
                }
            }
            return java.util.Arrays.copyOf(out, n);
        }
    }

    /** Builds a trainer: {@code setVocabSize} is required. */
    public static final class Builder {
        private int vocabSize;
        private List<String> specialTokens = List.of(BpeVocabulary.END_OF_TEXT);
        private int minFrequency = 2;

        private Builder() {}

        /** The vocabulary size to reach: special tokens + 256 bytes + merges. */
        public Builder setVocabSize(int vocabSize) {
            this.vocabSize = vocabSize;
            return this;
        }

        /** Special tokens, given the first ids; default {@code <|endoftext|>} (id 0), used as BOS, EOS and padding. */
        public Builder optSpecialTokens(List<String> specialTokens) {
            this.specialTokens = specialTokens;
            return this;
        }

        /** Pairs seen fewer times are not merged (default 2). */
        public Builder optMinFrequency(int minFrequency) {
            this.minFrequency = minFrequency;
            return this;
        }

        public BpeTokenizerTrainer build() {
            return new BpeTokenizerTrainer(this);
        }
    }
}
