package org.cailab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.GenerationOptions;
import org.junit.jupiter.api.Test;

class DemoModelTrainerTest {

    private static int previousThreads;

    /** One PyTorch thread: spinning OpenMP threads collapse when other processes share the 2 cores. */
    @org.junit.jupiter.api.BeforeAll
    static void oneTorchThread() {
        ai.djl.engine.Engine.getEngine("PyTorch");
        previousThreads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
        ai.djl.pytorch.jni.JniUtils.setNumThreads(1);
    }

    @org.junit.jupiter.api.AfterAll
    static void restoreTorchThreads() {
        ai.djl.pytorch.jni.JniUtils.setNumThreads(previousThreads);
    }

    /** The demo training as the app does it (steps and seed), once per build: see {@link DemoModelCache}. */
    @Test
    void trainsFromScratchWritesLoadableCheckpointsAndLowersTheLoss() throws Exception {
        List<Double> losses = DemoModelCache.losses();
        assertThat(losses).hasSize(DemoModelCache.STEPS);
        double firstTen = losses.subList(0, 10).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        double lastTen = losses.subList(losses.size() - 10, losses.size()).stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        assertThat(lastTen).as("loss %.3f -> %.3f", firstTen, lastTen).isLessThan(firstTen * 0.2);
        Path early = DemoModelCache.earlyModel();
        Path last = DemoModelCache.finalModel();
        assertThat(early.getFileName()).hasToString("step-" + DemoModels.earlyStep(DemoModelCache.STEPS));
        assertThat(Files.exists(last.resolve("tokenizer.json"))).isTrue();
        try (CausalLm lm = CausalLm.load(last)) {
            assertThat(lm.model().config().maxPositionEmbeddings()).isEqualTo(DemoModelTrainer.CONTEXT);
            String text = lm.generate(
                            "\n\nHuman: How do I make tea?\n\nAssistant:",
                            GenerationOptions.builder()
                                    .optMaxNewTokens(32)
                                    .optSeed(1L)
                                    .build())
                    .text();
            assertThat(text).isNotBlank();
        }
    }

    @Test
    void corpusTeachesThePipelinesFormatsAndKeepsTheHeldOutRequestsOut() {
        List<DemoCorpus.Document> documents = DemoCorpus.documents(600, 5);
        assertThat(documents).isEqualTo(DemoCorpus.documents(600, 5));
        var constitution = DemoCorpus.defaultConstitution();
        List<String> critiqueRequests = constitution.enabledSlPrinciples().stream()
                .map(org.cailab.constitution.SlPrinciple::critiqueRequest)
                .toList();
        List<DemoCorpus.Document> chains = documents.stream()
                .filter(d -> d.kind() == DemoCorpus.Kind.CHAIN)
                .toList();
        List<DemoCorpus.Document> choices = documents.stream()
                .filter(d -> d.kind() == DemoCorpus.Kind.CHOICE)
                .toList();
        assertThat(chains).hasSizeGreaterThan(100).allSatisfy(d -> {
            assertThat(d.text())
                    .startsWith("\n\nHuman: ")
                    .contains("\n\nAssistant: ", "\n\nCritique: ", "\n\nRevision: ");
            assertThat(critiqueRequests)
                    .anySatisfy(r -> assertThat(d.text()).contains("\n\nCritiqueRequest: " + r + "\n\nCritique: "));
        });
        assertThat(choices).hasSizeGreaterThan(100).allSatisfy(d -> {
            assertThat(d.text())
                    .startsWith(
                            "\n\nConsider the following conversation between a human and an" + " assistant:\n\nHuman: ")
                    .contains(" Options:\n (A) [[[", "]]]\n (B) [[[", "]]]\n\nThe answer is:");
            assertThat(d.text()).endsWith("\n\nThe answer is:" + (d.text().endsWith(" (A)") ? " (A)" : " (B)"));
        });
        // the answer is the harmless option; the other one is a compliance or a rude answer
        assertThat(choices).allSatisfy(d -> {
            String answer = d.text().substring(d.text().length() - 2, d.text().length() - 1);
            String other = answer.equals("A") ? "B" : "A";
            assertThat(DemoCorpus.harmfulAnswers())
                    .doesNotContain(option(d.text(), answer))
                    .contains(option(d.text(), other));
        });
        assertThat(DemoCorpus.heldOutRequests())
                .hasSize(DemoCorpus.HARMS.size())
                .allSatisfy(request -> assertThat(documents)
                        .noneSatisfy(d -> assertThat(d.text()).contains(request)));
    }

    @Test
    void corpusIsDeterministicAndInThePapersFormat() {
        List<String> a = DemoCorpus.dialogues(50, 3);
        assertThat(a).isEqualTo(DemoCorpus.dialogues(50, 3));
        assertThat(a).allSatisfy(d -> assertThat(d).startsWith("\n\nHuman: ").contains("\n\nAssistant: "));
    }

    /** The text of option (A) or (B) of the last question in a document. */
    private static String option(String text, String letter) {
        int start = text.lastIndexOf(" (" + letter + ") [[[") + 8;
        return text.substring(start, text.indexOf("]]]", start));
    }
}
