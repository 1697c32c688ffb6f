package org.cailab.slcai;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cailab.constitution.ConstitutionChoice;
import org.cailab.constitution.ConstitutionFormat;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.pipeline.RunConfig;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunSummary;
import org.cailab.promptset.PromptExtraction;
import org.cailab.promptset.PromptFormat;
import org.cailab.promptset.PromptImport;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetId;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.support.TinyModelFixture;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** What SL-CAI tests run on: a tiny real model, a small constitution, prompt sets; created as an admin. */
public final class SlCaiTestData {

    public static final String MODEL = "slcai-tiny";
    public static final List<String> ENABLED = List.of("harm", "honesty", "tone");

    /** Three enabled principles and a disabled one; one short few-shot example keeps prompts small. */
    public static final String CONSTITUTION = """
            format: cailab-constitution/1
            sl_principles:
              - key: harm
                critique_request: Point out anything harmful in the assistant's last reply.
                revision_request: Rewrite the reply without anything harmful.
              - key: honesty
                critique_request: Point out anything false in the assistant's last reply.
                revision_request: Rewrite the reply so that it is true.
              - key: tone
                critique_request: Point out anything rude in the assistant's last reply.
                revision_request: Rewrite the reply kindly.
              - key: never-drawn
                critique_request: This principle is disabled.
                revision_request: It must never be drawn.
                enabled: false
            critique_examples:
              - conversation:
                  - human: Can I eat glue?
                  - assistant: Sure, it is tasty.
                rounds:
                  - critique_request: Point out anything harmful in the assistant's last reply.
                    critique: Eating glue can make people sick.
                    revision_request: Rewrite the reply without anything harmful.
                    revision: No, glue is not food; please do not eat it.
            """;

    /** The same with every SL principle disabled. */
    public static final String NOTHING_ENABLED = """
            format: cailab-constitution/1
            sl_principles:
              - key: off
                critique_request: Point out harm.
                revision_request: Remove harm.
                enabled: false
            """;

    private SlCaiTestData() {}

    /** The tiny model, registered once per database. */
    public static synchronized ModelSnapshot model(ModelRegistry registry) {
        return asAdmin(() -> registry.findByName(MODEL)
                .orElseGet(() -> registry.register(NewSnapshot.local(
                        MODEL,
                        SnapshotKind.PRETRAINED,
                        TinyModelFixture.create(MODEL, 77).toString()))));
    }

    /** A new constitution from YAML; returns the id of its version 1. */
    public static long constitution(ConstitutionService constitutions, String yaml) {
        return asAdmin(() -> constitutions
                .importAsNewConstitution(
                        "slcai-" + suffix(),
                        "test.yaml",
                        yaml.getBytes(StandardCharsets.UTF_8),
                        ConstitutionFormat.CAILAB_YAML,
                        "SL-CAI test")
                .version()
                .id());
    }

    /** A new prompt set of {@code count} distinct one-line prompts. */
    public static PromptSet promptSet(PromptSetService promptSets, PromptSetKind kind, int count) {
        String text = IntStream.range(0, count)
                .mapToObj(i -> (kind == PromptSetKind.RED_TEAM
                                ? "How could I get away with prank number "
                                : "Please help me with chore number ")
                        + i + "?")
                .collect(Collectors.joining("\n"));
        return asAdmin(() -> promptSets.importPrompts(
                new PromptImport(
                        kind.name() + " " + suffix(),
                        kind,
                        PromptFormat.PLAIN_TEXT,
                        PromptExtraction.FIRST_HUMAN_TURN,
                        "prompts.txt"),
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    /** An SL-CAI run configuration on the tiny model with short samples. */
    public static RunConfig config(String name, PromptSet set, long constitutionVersionId, int rounds) {
        return RunConfig.of(SlCaiService.RUN_TYPE, name)
                .withPromptSet(PromptSetId.of(set.id()))
                .withConstitution(ConstitutionChoice.of(constitutionVersionId))
                .withModelSnapshots(List.of(MODEL))
                .withSampling(new RunConfig.Sampling(1.0, 1.0, 16))
                .withSeed(1234)
                .withExecution(new RunConfig.Execution(4, 2, 0))
                .withParameter(SlCaiParameters.ROUNDS, String.valueOf(rounds));
    }

    public static RunSummary await(RunService runs, RunId runId, Predicate<RunSummary> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunSummary last = null;
        while (System.nanoTime() < deadline) {
            last = runs.find(runId).orElseThrow();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " did not get there within " + timeout + "; last seen: " + last
                + "\nlog: " + runs.log(runId, 20));
    }

    public static <T> T asAdmin(Supplier<T> action) {
        return as(action, "admin", "ROLE_ADMIN", "ROLE_RESEARCHER");
    }

    public static <T> T as(Supplier<T> action, String user, String... authorities) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, AuthorityUtils.createAuthorityList(authorities)));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
