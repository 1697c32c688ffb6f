package org.cailab.model.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import org.cailab.model.ScoredContinuation;
import org.junit.jupiter.api.Test;

/** Offsets to continuation tokens: exact boundaries, a token across the boundary, sampled tokens past the end. */
class PromptTokensTest {

    // "Assistant:" + " (A)" split as [Assistant][:][ (][A][)] + one sampled token
    private static final List<PromptTokens.Token> TOKENS = List.of(
            new PromptTokens.Token(0, null),
            new PromptTokens.Token(9, -1.0),
            new PromptTokens.Token(10, -2.0),
            new PromptTokens.Token(12, -0.5),
            new PromptTokens.Token(13, -0.25),
            new PromptTokens.Token(14, -9.0));

    @Test
    void sumsTheTokensFromTheBoundaryToTheEnd() {
        ScoredContinuation score = PromptTokens.continuation(TOKENS, 10, 14);
        assertThat(score.tokenLogProbs()).containsExactly(-2.0, -0.5, -0.25);
        assertThat(score.logProb()).isCloseTo(-2.75, offset(1e-12));
        assertThat(score.straddlesBoundary()).isFalse();
    }

    @Test
    void aTokenAcrossTheBoundaryIsCountedAndReported() {
        // continuation "A)" after "Assistant: (": the token " (" starts before and ends after offset 11
        ScoredContinuation score = PromptTokens.continuation(TOKENS, 11, 14);
        assertThat(score.straddlesBoundary()).isTrue();
        assertThat(score.tokenLogProbs()).containsExactly(-2.0, -0.5, -0.25);
    }

    @Test
    void theFirstTokenHasNoLogprobAndAnEmptyContinuationScoresZero() {
        assertThatThrownBy(() -> PromptTokens.continuation(TOKENS, 0, 14)).hasMessageContaining("first token");
        assertThat(PromptTokens.continuation(TOKENS, 14, 14).logProb()).isZero();
    }

    @Test
    void offsetsFromTokenTextsAreCountedBackFromTheEnd() {
        // a BOS without text, then "Hi", " there", " 😀" (one code point, two chars)
        List<PromptTokens.Token> tokens = PromptTokens.fromTexts(
                Arrays.asList(null, "Hi", " there", " 😀"),
                Arrays.asList(null, -1.0, -2.0, -3.0),
                "Hi there 😀".codePointCount(0, "Hi there 😀".length()));
        assertThat(tokens).extracting(PromptTokens.Token::start).containsExactly(0, 0, 2, 8);
        assertThat(PromptTokens.continuation(tokens, 2, 10).logProb()).isCloseTo(-5.0, offset(1e-12));
        assertThatThrownBy(() -> PromptTokens.fromTexts(
                        Arrays.asList(null, "longer than", " the text"), Arrays.asList(null, -1.0, -1.0), 5))
                .hasMessageContaining("longer");
    }
}
