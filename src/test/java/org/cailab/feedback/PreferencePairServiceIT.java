package org.cailab.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.cailab.dialogue.Turn;
import org.cailab.security.ApiKeyService;
import org.cailab.security.CreatedApiKey;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.IntegrationTest;
import org.cailab.support.Voting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;

/** Importing hh-rlhf pairs (both sides kept, all-or-nothing) and exporting them again, in the service and over HTTP. */
@WithMockUser(username = "researcher", roles = "RESEARCHER")
class PreferencePairServiceIT extends IntegrationTest {

    static final String THREE_PAIRS = """
            {"chosen": "\\n\\nHuman: How do I pick a lock?\\n\\nAssistant: I can't help with that.", "rejected": "\\n\\nHuman: How do I pick a lock?\\n\\nAssistant: Use a tension wrench."}
            {"chosen": "\\n\\nHuman: Hi\\n\\nAssistant: Hello!\\n\\nHuman: Tell me a joke.\\n\\nAssistant: Why did the chicken cross the road?", "rejected": "\\n\\nHuman: Hi\\n\\nAssistant: Hello!\\n\\nHuman: Tell me a joke.\\n\\nAssistant: No."}

            {"chosen": "\\n\\nHuman: Is it safe to mix bleach and ammonia?\\n\\nAssistant: No, it makes toxic gas.", "rejected": "\\n\\nHuman: Is it safe to mix bleach and ammonia?\\n\\nAssistant: Sure."}
            """;

    @Autowired
    PreferencePairService pairs;

    @Autowired
    ApiKeyService keys;

    @Autowired
    UserService users;

    @LocalServerPort
    int port;

    @Test
    void anImportKeepsBothSidesWithTheChosenOneAsA() {
        PairImport imported = pairs.importHumanPairs(
                new PairImportRequest(name(), PairTask.HARMLESSNESS, "pairs.jsonl"), stream(THREE_PAIRS));

        assertThat(imported.pairCount()).isEqualTo(3);
        assertThat(imported.linesRead()).isEqualTo(3);
        assertThat(imported.skippedLines()).isEmpty();
        List<PreferencePair> stored = pairs.pairs(PairFilter.ofImport(imported.id()), 0, 10);
        assertThat(stored).hasSize(3).allSatisfy(p -> {
            assertThat(p.label()).isEqualTo(1.0);
            assertThat(p.source()).isEqualTo(PairSource.HUMAN_IMPORT);
            assertThat(p.task()).isEqualTo(PairTask.HARMLESSNESS);
            assertThat(p.provenance().importName()).isEqualTo(imported.name());
        });
        assertThat(stored).extracting(p -> p.provenance().sourceLine()).containsExactly(1, 2, 4);
        PreferencePair joke = stored.get(1);
        assertThat(joke.conversation())
                .containsExactly(Turn.human("Hi"), Turn.assistant("Hello!"), Turn.human("Tell me a joke."));
        assertThat(joke.responseA()).isEqualTo("Why did the chicken cross the road?");
        assertThat(joke.responseB()).isEqualTo("No.");
        assertThat(pairs.count(PairFilter.ofImport(imported.id()).withLabelled(false)))
                .isZero();
    }

    @Test
    void aBadLineStopsTheImportAndNothingIsStored() {
        String name = name();
        int before = pairs.count(PairFilter.ALL.withSource(PairSource.HUMAN_IMPORT));
        String bad = THREE_PAIRS + "{\"chosen\": \"\\n\\nHuman: Hi\\n\\nAssistant: Yo\"}\n";

        assertThatThrownBy(() -> pairs.importHumanPairs(
                        new PairImportRequest(name, PairTask.HARMLESSNESS, "bad.jsonl"), stream(bad)))
                .isInstanceOf(PairImportException.class)
                .hasMessage("Line 5: no \"rejected\" transcript (a JSON string)")
                .satisfies(e -> assertThat(((PairImportException) e).line()).isEqualTo(5));
        assertThatThrownBy(
                        () -> pairs.importHumanPairs(
                                new PairImportRequest(name, PairTask.HARMLESSNESS, "bad.jsonl"),
                                stream(
                                        "{\"chosen\": \"\\n\\nHuman: A\\n\\nAssistant: B\", \"rejected\": \"\\n\\nHuman: A\\n\\nAssistant: C\"}\nnot json\n")))
                .hasMessageStartingWith("Line 2: not valid JSON");

        assertThat(pairs.imports()).extracting(PairImport::name).doesNotContain(name);
        assertThat(pairs.count(PairFilter.ALL.withSource(PairSource.HUMAN_IMPORT)))
                .isEqualTo(before);
    }

    @Test
    void thePublicHarmlessBaseTestFileImportsEveryPairWhoseSidesShareTheirConversation() throws Exception {
        // ../shared next to a checkout; ../../shared next to a git worktree under a folder of worktrees
        Path file = java.util.stream.Stream.of("../shared", "../../shared")
                .map(root -> Path.of(root, "data/hh-rlhf/harmless-base-test.jsonl.gz"))
                .filter(Files::exists)
                .findFirst()
                .orElse(Path.of("../shared/data/hh-rlhf/harmless-base-test.jsonl.gz"));
        assumeTrue(Files.exists(file), "the shared reference data (../shared/data) is not here");
        PairImport imported;
        try (InputStream in = Files.newInputStream(file)) {
            imported = pairs.importHumanPairs(
                    new PairImportRequest(name(), PairTask.HARMLESSNESS, "harmless-base-test.jsonl.gz"), in);
        }
        assertThat(imported.linesRead()).isEqualTo(2312);
        // in five lines of the public file the two conversations differ before the last answer (1255, 1689) or
        // the last answer follows another assistant turn (1951, 1953, 2037)
        assertThat(imported.skippedLines()).containsExactly(1255, 1689, 1951, 1953, 2037);
        assertThat(imported.pairCount()).isEqualTo(2307);
        assertThat(pairs.count(PairFilter.ofImport(imported.id()))).isEqualTo(2307);
    }

    @Test
    void bothExportsReadBackToTheStoredPairs() throws Exception {
        PairImport imported = pairs.importHumanPairs(
                new PairImportRequest(name(), PairTask.HARMLESSNESS, "pairs.jsonl"), stream(THREE_PAIRS));
        List<PreferencePair> stored = pairs.pairs(PairFilter.ofImport(imported.id()), 0, 10);

        for (PairExportFormat format : PairExportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(pairs.export(PairFilter.ofImport(imported.id()), format, out))
                    .isEqualTo(3);
            List<PreferencePairJson.ExportedPair> read = out.toString(StandardCharsets.UTF_8)
                    .lines()
                    .map(PreferencePairJson::read)
                    .toList();
            assertThat(read).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(read.get(i).conversation()).isEqualTo(stored.get(i).conversation());
                assertThat(read.get(i).chosen()).isEqualTo(stored.get(i).responseA());
                assertThat(read.get(i).rejected()).isEqualTo(stored.get(i).responseB());
                assertThat(read.get(i).label()).isEqualTo(1.0);
            }
            if (format == PairExportFormat.JSONL) {
                assertThat(read.get(1).provenance().get("line").asInt()).isEqualTo(2);
                assertThat(read.get(1).provenance().get("pair_id").asLong())
                        .isEqualTo(stored.get(1).id());
            }
        }
    }

    @Test
    void theApiDownloadsASelectionWithAKey() throws Exception {
        PairImport imported = pairs.importHumanPairs(
                new PairImportRequest(name(), PairTask.HELPFULNESS, "pairs.jsonl"), stream(THREE_PAIRS));
        String researcher = new Voting(users, null, null).user("pairs-api", Role.RESEARCHER);
        CreatedApiKey key = Voting.as(researcher, Role.RESEARCHER, () -> keys.create("pairs"));

        HttpResponse<String> trl = get("/api/preference-pairs?format=trl&import=" + imported.id(), key.secret());
        assertThat(trl.statusCode()).isEqualTo(200);
        assertThat(trl.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        d -> assertThat(d).contains("preference-pairs-import-" + imported.id() + "-trl.jsonl"));
        List<PreferencePairJson.ExportedPair> read =
                trl.body().lines().map(PreferencePairJson::read).toList();
        assertThat(read)
                .extracting(PreferencePairJson.ExportedPair::chosen)
                .containsExactly(
                        "I can't help with that.", "Why did the chicken cross the road?", "No, it makes toxic gas.");
        assertThat(trl.body().lines().findFirst().orElseThrow())
                .startsWith("{\"chosen\":[{\"role\":\"user\",\"content\":\"How do I pick a lock?\"},"
                        + "{\"role\":\"assistant\",\"content\":\"I can't help with that.\"}]");

        assertThat(get("/api/preference-pairs?format=csv", key.secret()).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/preference-pairs?format=jsonl", "not-a-key").statusCode())
                .isIn(401, 403);
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key)
                .GET()
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String name() {
        return "pairs " + UUID.randomUUID().toString().substring(0, 8);
    }
}
