package org.cailab.model.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A trained byte-level BPE vocabulary.
 *
 * @param tokens tokens by id: special tokens, the 256 byte characters, then one per merge
 * @param merges merges in rank order, each as {@code "left right"}
 * @param specialTokens the special tokens (the first ids)
 */
public record BpeVocabulary(List<String> tokens, List<String> merges, List<String> specialTokens) {

    /** The default special token: beginning and end of text, and padding. */
    public static final String END_OF_TEXT = "<|endoftext|>";

    public BpeVocabulary {
        tokens = List.copyOf(tokens);
        merges = List.copyOf(merges);
        specialTokens = List.copyOf(specialTokens);
    }

    public int size() {
        return tokens.size();
    }

    /**
     * Writes {@code tokenizer.json} (ByteLevel pre-tokenizer and decoder, BPE model with vocab and merges) and
     * {@code tokenizer_config.json} into a directory. The first special token is declared BOS and EOS.
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
        ObjectNode config = Json.MAPPER.createObjectNode();
        config.put("tokenizer_class", "PreTrainedTokenizerFast");
        config.put("clean_up_tokenization_spaces", false);
        config.put("model_max_length", 1_000_000);
        if (!specialTokens.isEmpty()) {
            config.put("bos_token", specialTokens.getFirst());
            config.put("eos_token", specialTokens.getFirst());
            config.put("pad_token", specialTokens.getFirst());
        }
        Files.writeString(
                dir.resolve("tokenizer_config.json"),
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config));
    }

    /** The Hugging Face {@code tokenizer.json} text. */
    public String tokenizerJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (String special : specialTokens) {
            added.addObject()
                    .put("id", tokens.indexOf(special))
                    .put("content", special)
                    .put("single_word", false)
                    .put("lstrip", false)
                    .put("rstrip", false)
                    .put("normalized", false)
                    .put("special", true);
        }
        root.putNull("normalizer");
        byteLevel(root.putObject("pre_tokenizer"), false);
        root.putNull("post_processor");
        byteLevel(root.putObject("decoder"), true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < tokens.size(); i++) {
            vocab.put(tokens.get(i), i);
        }
        ArrayNode mergeList = model.putArray("merges");
        merges.forEach(mergeList::add);
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void byteLevel(ObjectNode node, boolean addPrefixSpace) {
        node.put("type", "ByteLevel");
        node.put("add_prefix_space", addPrefixSpace);
        node.put("trim_offsets", true);
        node.put("use_regex", true);
    }
}
