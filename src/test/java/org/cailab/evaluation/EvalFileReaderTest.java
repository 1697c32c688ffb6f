package org.cailab.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalFileReaderTest {

    @Test
    void readsItemsWithAnyNumberOfOptionsAndSkipsBlankLines() throws Exception {
        List<EvalItem> items = EvalFileReader.read("evals.jsonl", new StringReader("""
                {"prompt": "Q1 The answer is:", "corrects": [" (B)"], "incorrects": [" (A)"], "text_correct": "x"}

                {"prompt": "Q2", "corrects": [" yes", " sure"], "incorrects": [" no", " never", " maybe"]}
                """));
        assertThat(items).hasSize(2);
        assertThat(items.get(0).options()).containsExactly(" (B)", " (A)");
        assertThat(items.get(1).options()).containsExactly(" yes", " sure", " no", " never", " maybe");
        assertThat(items.get(1).isCorrect(" sure")).isTrue();
        assertThat(items.get(1).isCorrect(" no")).isFalse();
    }

    @Test
    void badLinesStopWithFileLineAndProblem() {
        assertProblem(
                "{\"prompt\": \"a\", \"corrects\": [\" x\"], \"incorrects\": []}\nnot json\n",
                "evals.jsonl, line 2: not JSON");
        assertProblem(
                "{\"prompt\": \"a\", \"corrects\": [], \"incorrects\": []}\n",
                "evals.jsonl, line 1: the item has no options");
        assertProblem(
                "\n\n{\"prompt\": \"a\", \"corrects\": [\" x\"], \"incorrects\": [\" y\", \" x\"]}\n",
                "evals.jsonl, line 3: the option \" x\" is in both corrects and incorrects");
        assertProblem("{\"prompt\": 3, \"corrects\": [\" x\"]}\n", "evals.jsonl, line 1: \"prompt\" must be a string");
        assertProblem(
                "{\"prompt\": \"a\", \"corrects\": \" x\"}\n",
                "evals.jsonl, line 1: \"corrects\" must be a list of strings");
        assertProblem(
                "{\"prompt\": \"a\", \"incorrects\": [\" x\"]}\n",
                "evals.jsonl, line 1: the item has no correct option");
        assertProblem("[1, 2]\n", "evals.jsonl, line 1: expected a JSON object");
        assertProblem("\n", "evals.jsonl, line 1: the file has no items");
    }

    private static void assertProblem(String content, String message) {
        assertThatThrownBy(() -> EvalFileReader.read("evals.jsonl", new StringReader(content)))
                .isInstanceOf(EvalFileException.class)
                .hasMessageStartingWith(message);
    }
}
