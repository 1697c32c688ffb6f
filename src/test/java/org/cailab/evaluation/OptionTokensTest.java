package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cailab.model.engine.TextTokenizer;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tokenisation convention on a real tokenizer.json whose post-processor adds a begin-of-text token. */
class OptionTokensTest {

    static TextTokenizer tokenizer;
    static long bos;

    @BeforeAll
    static void tokenizerWithBos() throws Exception {
        Path dir = TinyModelFixture.create("option-tokens", 3);
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = (ObjectNode) mapper.readTree(Files.readString(dir.resolve("tokenizer.json")));
        String special = root.get("added_tokens").get(0).get("content").asString();
        bos = root.get("added_tokens").get(0).get("id").asLong();
        // a Llama-3-like post-processor: begin-of-text before every encoded text
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        single.addObject().putObject("SpecialToken").put("id", special).put("type_id", 0);
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        ArrayNode pair = post.putArray("pair");
        pair.addObject().putObject("SpecialToken").put("id", special).put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        ObjectNode token = post.putObject("special_tokens").putObject(special);
        token.put("id", special);
        token.putArray("ids").add(bos);
        token.putArray("tokens").add(special);
        Files.writeString(dir.resolve("tokenizer.json"), mapper.writeValueAsString(root));
        tokenizer = TextTokenizer.load(dir);
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void theOptionIsWhatFollowsThePromptInTheJointEncoding() {
        OptionTokens tokens = OptionTokens.of(tokenizer, "hello world? The answer is:", " (A)");

        long[] whole = tokenizer.encode("hello world? The answer is: (A)", true);
        assertThat(whole[0]).as("the post-processor's begin-of-text").isEqualTo(bos);
        assertThat(tokens.separatelyEncoded()).isFalse();
        assertThat(tokens.promptIds()[0]).isEqualTo(bos);
        assertThat(tokens.optionIds()).isNotEmpty().doesNotContain(bos);
        long[] joined = Arrays.copyOf(tokens.promptIds(), tokens.promptIds().length + tokens.optionIds().length);
        System.arraycopy(tokens.optionIds(), 0, joined, tokens.promptIds().length, tokens.optionIds().length);
        assertThat(joined).isEqualTo(whole);
        // after the paper's "The answer is:" both conventions agree (what the feedback labeller relies on)
        assertThat(tokens.optionIds()).isEqualTo(tokenizer.encode(" (A)", false));
    }

    @Test
    void whenThePromptIsNotAPrefixTheOptionIsEncodedOnItsOwn() {
        // the prompt's "hel" merges with the option's "lo" into the word "hello" in the joint encoding
        long[] prompt = tokenizer.encode("say hel", true);
        long[] whole = tokenizer.encode("say hello", true);
        assertThat(Arrays.equals(whole, 0, prompt.length, prompt, 0, prompt.length))
                .isFalse();

        OptionTokens tokens = OptionTokens.of(tokenizer, "say hel", "lo");

        assertThat(tokens.separatelyEncoded()).isTrue();
        assertThat(tokens.promptIds()).isEqualTo(prompt);
        assertThat(tokens.optionIds()).isEqualTo(tokenizer.encode("lo", false));
    }
}
