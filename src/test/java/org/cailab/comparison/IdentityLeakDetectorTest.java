package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentityLeakDetectorTest {

    @Test
    void findsTheModelNameIgnoringCaseAndSeparators() {
        assertThat(IdentityLeakDetector.namesModel("Hello, I am Tiny-Llama v2!", "tiny_llama-v2"))
                .isTrue();
        assertThat(IdentityLeakDetector.namesModel("I'm rl-cai-step-400, here to help.", "rl-cai-step-400"))
                .isTrue();
        assertThat(IdentityLeakDetector.namesModel("as SL.CAI said", "sl-cai")).isTrue();
    }

    @Test
    void namesWithAPathMatchOnTheirLastPart() {
        assertThat(IdentityLeakDetector.namesModel("I am TinyStories-33M.", "roneneldan/TinyStories-33M"))
                .isTrue();
        assertThat(IdentityLeakDetector.namesModel("from roneneldan/TinyStories-33M", "roneneldan/TinyStories-33M"))
                .isTrue();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(IdentityLeakDetector.namesModel("The alphabet has letters.", "alpha"))
                .isFalse();
        assertThat(IdentityLeakDetector.namesModel("model-v20 is different", "model-v2"))
                .isFalse();
        assertThat(IdentityLeakDetector.namesModel("Alpha beta", "alpha")).isTrue();
    }

    @Test
    void answersWithoutTheNameAreClean() {
        assertThat(IdentityLeakDetector.namesModel("Bread is made from flour and water.", "bigram-alpha"))
                .isFalse();
        assertThat(IdentityLeakDetector.namesModel("", "bigram-alpha")).isFalse();
    }

    @Test
    void veryShortNamesAreNotChecked() {
        assertThat(IdentityLeakDetector.namesModel("a b c", "a")).isFalse();
        assertThat(IdentityLeakDetector.namesModel("I am m1", "m1")).isFalse();
    }

    @Test
    void accentsAreFolded() {
        assertThat(IdentityLeakDetector.namesModel("Je suis Modèle-Zéro", "modele-zero"))
                .isTrue();
    }
}
