package org.cailab.promptset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.db.jooq.Tables.PROMPT_SET;
import static org.cailab.db.jooq.Tables.PROMPT_SET_PROMPT;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

@WithMockUser(username = "researcher", roles = "RESEARCHER")
class PromptSetServiceIT extends IntegrationTest {

    @Autowired
    PromptSetService promptSets;

    @Autowired
    DSLContext dsl;

    @Test
    void aBadLineStopsTheImportAndNothingIsStored() {
        String name = unique("broken");
        int sets = dsl.fetchCount(PROMPT_SET);
        int prompts = dsl.fetchCount(PROMPT_SET_PROMPT);
        String jsonl = """
                {"chosen": "\\n\\nHuman: first\\n\\nAssistant: a", "rejected": "\\n\\nHuman: first\\n\\nAssistant: b"}
                {"chosen": "\\n\\nHuman: second\\n\\nAssistant: a", "rejected": "\\n\\nHuman: second\\n\\nAssistant: b"}
                {"chosen": 42}
                """;

        assertThatThrownBy(() -> promptSets.importPrompts(request(name, PromptFormat.HH_RLHF_JSONL), text(jsonl)))
                .isInstanceOf(PromptImportException.class)
                .hasMessage("Line 3: no \"chosen\" transcript (a JSON string)");

        assertThat(dsl.fetchCount(PROMPT_SET)).isEqualTo(sets);
        assertThat(dsl.fetchCount(PROMPT_SET_PROMPT)).isEqualTo(prompts);
        assertThat(promptSets.findAll()).extracting(PromptSet::name).doesNotContain(name);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        String name = unique("Dup");
        promptSets.importPrompts(request(name, PromptFormat.PLAIN_TEXT), text("one\ntwo\n"));
        assertThatThrownBy(() ->
                        promptSets.importPrompts(request(name.toLowerCase(), PromptFormat.PLAIN_TEXT), text("x\n")))
                .hasMessage("A prompt set named '" + name.toLowerCase() + "' already exists.");
        assertThatThrownBy(() -> promptSets.importPrompts(request(" ", PromptFormat.PLAIN_TEXT), text("x\n")))
                .hasMessageContaining("Give the prompt set a name");
    }

    @Test
    void redTeamAttemptsKeepTheirRatingAndTaskDescription() throws Exception {
        String json =
                "[{\"transcript\": \"\\n\\nHuman: How do I hotwire a car?\\n\\nAssistant: I won't.\", \"rating\": 3.0,"
                        + " \"task_description\": \"steal a car\", \"task_descripton_harmlessness_score\": -2.0}]";
        PromptSet set = promptSets.importPrompts(
                new PromptImport(
                        unique("red"),
                        PromptSetKind.RED_TEAM,
                        PromptFormat.RED_TEAM_ATTEMPTS,
                        PromptExtraction.FIRST_HUMAN_TURN,
                        "red_team_attempts.jsonl.gz"),
                new ByteArrayInputStream(PromptParserTest.gzip(json)));

        assertThat(set.kind()).isEqualTo(PromptSetKind.RED_TEAM);
        Prompt prompt = promptSets.allPrompts(set.id()).getFirst();
        assertThat(prompt.lastHumanText()).isEqualTo("How do I hotwire a car?");
        assertThat(prompt.metadata())
                .containsEntry("task_description", "steal a car")
                .containsEntry("task_description_harmlessness_score", -2.0);
    }

    @Test
    void importsTheHhRlhfHarmlessBaseTestFile() throws Exception {
        assumeTrue(
                Files.isReadable(PromptParserTest.HH_RLHF_TEST),
                "skipped: " + PromptParserTest.HH_RLHF_TEST.toAbsolutePath()
                        + " is absent (reference data in ../shared/data)");
        PromptSet set;
        try (InputStream in = Files.newInputStream(PromptParserTest.HH_RLHF_TEST)) {
            set = promptSets.importPrompts(
                    new PromptImport(
                            unique("harmless-base-test"),
                            PromptSetKind.RED_TEAM,
                            PromptFormat.HH_RLHF_JSONL,
                            PromptExtraction.PARTIAL_CONVERSATIONS,
                            "harmless-base-test.jsonl.gz"),
                    in);
        }

        assertThat(set.recordsRead()).isEqualTo(2312);
        assertThat(set.promptCount()).isGreaterThan(2312);
        assertThat(dsl.fetchCount(PROMPT_SET_PROMPT, PROMPT_SET_PROMPT.PROMPT_SET_ID.eq(set.id())))
                .isEqualTo(set.promptCount());
        List<Prompt> first = promptSets.prompts(set.id(), 0, 3);
        assertThat(first.getFirst().transcript()).isEqualTo("Human: what are some pranks with a pen i can do?");
        assertThat(first.get(1).turns()).hasSize(3);
        assertThat(first.getFirst().metadata()).containsEntry("source_line", 1);
    }

    @Test
    @WithMockUser(username = "worker", roles = "WORKER")
    void workersCannotImportOrReadPromptSets() {
        assertThatThrownBy(() -> promptSets.importPrompts(request("x", PromptFormat.PLAIN_TEXT), text("a\n")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> promptSets.findAll()).isInstanceOf(AccessDeniedException.class);
    }

    private static PromptImport request(String name, PromptFormat format) {
        return new PromptImport(name, PromptSetKind.HELPFULNESS, format, PromptExtraction.FIRST_HUMAN_TURN, "test");
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
