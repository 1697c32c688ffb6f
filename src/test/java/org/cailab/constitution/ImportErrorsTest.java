package org.cailab.constitution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Malformed and partial files: every failure names the file, the entry and the problem. */
class ImportErrorsTest {

    private static final String SL_FILE = "CritiqueRevisionInstructions.json";
    private static final String GOOD_SL =
            "\"harmful0\": {\"prompt\": [\"\\n\\nCritiqueRequest: Is it harmful?\\n\\nCritique:\"],"
                    + " \"edit_request\": \"\\n\\nRevisionRequest: Make it harmless.\\n\\nRevision:\"}";

    private final ConstitutionImporter importer = new ConstitutionImporter();

    @Test
    void paperSlPrinciples() {
        assertFails(
                SL_FILE,
                "{" + GOOD_SL + ", \"harmful1\": {\"prompt\": [\"\\n\\nCritiqueRequest: x\\n\\nCritique:\"]}}",
                "entry harmful1",
                "missing \"edit_request\"");
        assertFails(
                SL_FILE,
                "{\"harmful0\": {\"prompt\": \"\\n\\nCritiqueRequest: x\\n\\nCritique:\", \"edit_request\": \"\"}}",
                "entry harmful0",
                "\"prompt\" must be a list, found a string");
        assertFails(
                SL_FILE,
                "{\"harmful0\": {\"prompt\": [\"\\n\\nCritiqueRequest: \\n\\nCritique:\"],"
                        + " \"edit_request\": \"\\n\\nRevisionRequest: Fix.\\n\\nRevision:\"}}",
                "entry harmful0",
                "critiqueRequest: must not be empty");
        assertFails(
                SL_FILE,
                "{\"harmful0\": {\"prompt\": [\"Is it harmful?\"], \"edit_request\": \"\"}}",
                "entry harmful0",
                "\"prompt\"[0] must start with \"\\n\\nCritiqueRequest: \" and end with \"\\n\\nCritique:\"");
        assertFails(
                SL_FILE,
                "{\"harmful0\": {\"prompt\": [\"a\", \"b\"], \"edit_request\": \"\"}}",
                "entry harmful0",
                "\"prompt\" must hold exactly one critique request, found 2");
        assertFails(
                SL_FILE,
                "{\"harmful0\": {\"prompt\": [], \"edit_request\": \"\", \"note\": 1}}",
                "entry harmful0",
                "unknown field \"note\" (expected edit_request, prompt)");
        assertFails(SL_FILE, "[]", null, "the file must be an object, found a list");
        assertFails(SL_FILE, "{}", null, "holds no principles");
        assertFails(SL_FILE, "{\"harmful0\": ", null, "is not valid JSON");
    }

    @Test
    void paperRlPrinciples() {
        String file = "RLMadisonInstructions.json";
        assertFails(
                file,
                "[\"\\nWhich is kinder? Options:\", 7]",
                "entry 1",
                "the principle must be a string, found a number");
        assertFails(
                file,
                "[\"Which is kinder?\"]",
                "entry 0",
                "the principle must start with \"\\n\" and end with \" Options:\"");
        assertFails(
                file,
                "[\"\\nPick [[[A]]] Options:\"]",
                "entry 0",
                "instruction: must not contain the reserved marker \"[[[\" (and 1 more)");
    }

    @Test
    void paperFewShots() {
        assertFails(
                "CritiqueRevisionFewShotPrompts.json",
                "[\"\\n\\nHuman: hi\\n\\nAssistant: ho\"]",
                "entry 0",
                "no \"\\n\\nCritiqueRequest: \" or \"\\n\\nRevisionRequest: \" after the conversation");
        assertFails(
                "CritiqueRevisionFewShotPrompts.json",
                "[\"\\n\\nHuman: hi\\n\\nCritiqueRequest: c\\n\\nCritique: d\\n\\nRevisionRequest: r\\n\\nRevision: s\"]",
                "entry 0",
                "conversation: must end with the assistant's turn");
        String mc = "RLMadisonFewShotPrompts.json";
        assertFails(
                mc,
                "[{\"prompt\": \"\\n\\nHuman: hi\\n\\nAssistant:\", \"corrects\": [\"a\", \"b\"], \"incorrects\": [\"c\"]}]",
                "entry 0",
                "\"corrects\" must hold exactly one response, found 2");
        assertFails(
                mc,
                "[{\"prompt\": \"\\n\\nHuman: hi\", \"corrects\": [\"a\"], \"incorrects\": [\"c\"]}]",
                "entry 0",
                "\"prompt\" must end with \"\\n\\nAssistant:\"");
        assertFails(
                mc,
                "[{\"prompt\": \"\\n\\nHuman: hi\\n\\nAssistant:\", \"corrects\": [\"a\"]}]",
                "entry 0",
                "missing \"incorrects\"");
        assertFails(
                "RLMadisonPrecogFewShotPrompts.json",
                "[{\"prompt\": \"\\n\\nHuman: Consider this\"}]",
                "entry 0",
                "must end with \"\\n\\nHuman:\\nSo the answer is: (A)\" or \" (B)\"");
    }

    @Test
    void llmSwarm() {
        String file = "constitution.json";
        assertFails(
                file,
                "{\"constitutions\": [{\"critic\": \"Is it unkind?\"}]}",
                "constitutions[0]",
                "missing \"revision\"");
        assertFails(
                file,
                "{\"constitutions\": [{\"critic\": \"c\", \"revision\": \"r\"}], \"system_chat\": [[{\"role\": \"user\","
                        + " \"content\": \"q\"}]]}",
                "system_chat[0]",
                "a chat needs an even number of messages, at least 6");
        String sixMessages = "[{\"role\": \"user\", \"content\": \"q\"}, {\"role\": \"system\", \"content\": \"a\"},"
                + " {\"role\": \"user\", \"content\": \"c\"}, {\"role\": \"assistant\", \"content\": \"d\"},"
                + " {\"role\": \"user\", \"content\": \"r\"}, {\"role\": \"assistant\", \"content\": \"s\"}]";
        assertFails(
                file,
                "{\"constitutions\": [{\"critic\": \"c\", \"revision\": \"r\"}], \"system_chat\": [" + sixMessages
                        + "]}",
                "system_chat[0][1]",
                "\"role\" must be \"assistant\" here");
        assertFails(file, "{\"constitutions\": {}}", null, "\"constitutions\" must be a list, found an object");
    }

    @Test
    void ownYaml() {
        String file = "mine.yaml";
        assertFails(
                file,
                "format: cailab-constitution/1\nsl_principles:\n  - key: a\n    critique_request: Is it harmful?\n",
                "sl_principles[0]",
                "missing \"revision_request\"");
        assertFails(
                file,
                "format: cailab-constitution/1\nrl_principles:\n  - {key: a, instruction: Which?, enabled: maybe}\n",
                "rl_principles[0]",
                "\"enabled\" must be true or false, found a string");
        assertFails(
                file,
                "format: cailab-constitution/1\nrl_principles:\n  - {key: a, instruction: ''}\n",
                "rl_principles[0]",
                "instruction: must not be empty");
        assertFails(
                file,
                "format: cailab-constitution/1\nrl_principles:\n  - {key: a, instruction: [x]}\n",
                "rl_principles[0]",
                "\"instruction\" must be a string, found a list");
        assertFails(
                file,
                "format: cailab-constitution/1\nrl_principles:\n  - {key: a, instruction: A?}\n  - {key: a, instruction: B?}\n",
                "rl_principles[1]",
                "key \"a\" is used twice");
        assertFails(
                file,
                "format: cailab-constitution/1\nrl_principles:\n  - {key: 'a b', instruction: A?}\n",
                "rl_principles[0]",
                "key: must be 1 to 64 letters");
        assertFails(
                file,
                "format: cailab-constitution/1\nrl_principles:\n  - {key: a, instrution: A?}\n",
                "rl_principles[0]",
                "unknown field \"instrution\"");
        assertFails(
                file,
                "format: cailab-constitution/2\n",
                null,
                "\"format\" must be \"cailab-constitution/1\", found "
                        + "\"cailab-constitution/2\" (a version this application does not know)");
        assertFails(file, "sl_principles: []\n", "the file", "missing \"format\"");
        assertFails(
                file,
                "format: cailab-constitution/1\nmc_examples:\n  - conversation: [{human: hi}]\n"
                        + "    response_a: a\n    response_b: b\n    correct: C\n",
                "mc_examples[0]",
                "\"correct\" must be A or B, found \"C\"");
        assertFails(
                file,
                "format: cailab-constitution/1\ncot_examples:\n  - conversation: [{robot: hi}]\n",
                "cot_examples[0].conversation[0]",
                "a turn is \"human\" or \"assistant\", found \"robot\"");
        assertFails(
                file,
                "format: cailab-constitution/1\ncritique_examples:\n  - conversation: [{human: q}, {assistant: a}]\n"
                        + "    rounds: [{critique: c, revision_request: r, revision: s}]\n",
                "critique_examples[0].rounds[0]",
                "\"critique_request\" and \"critique\" go together");
        assertFails(file, "format: [unclosed\n", null, "is not valid YAML");
        assertFails(file, "", null, "is empty");
    }

    @Test
    void aFileOfUnknownShape() {
        assertFails(
                "upload.json",
                "{\"hello\": 1}",
                null,
                "is in no format this application knows; name the format explicitly");
    }

    @Test
    void theExceptionCarriesItsParts() {
        ConstitutionImportException e = catchThrowableOfType(
                ConstitutionImportException.class,
                () -> importer.importText("mine.yaml", "format: cailab-constitution/1\nrl_principles: {}\n", null));

        assertThat(e.getMessage())
                .isEqualTo("mine.yaml, rl_principles: \"rl_principles\" must be a list, found an object");
        assertThat(e.file()).isEqualTo("mine.yaml");
        assertThat(e.entry()).isEqualTo("rl_principles");
        assertThat(e.problem()).isEqualTo("\"rl_principles\" must be a list, found an object");
    }

    private void assertFails(String file, String text, @Nullable String entry, String problem) {
        ConstitutionImportException e =
                catchThrowableOfType(ConstitutionImportException.class, () -> importer.importText(file, text, null));

        assertThat(e).as("importing %s: %s", file, text).isNotNull();
        assertThat(e.file()).isEqualTo(file);
        assertThat(e.entry()).isEqualTo(entry);
        assertThat(e.problem()).startsWith(problem);
        assertThat(e.getMessage()).startsWith(file + (entry == null ? "" : ", " + entry) + ": " + problem);
    }
}
