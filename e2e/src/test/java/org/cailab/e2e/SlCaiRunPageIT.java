package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelRegistry;
import org.cailab.pipeline.RunId;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.CritiqueRevisionChain;
import org.cailab.slcai.SlCaiService;
import org.cailab.slcai.SlCaiTestData;
import org.cailab.slcai.StoredSample;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A researcher starts a small SL-CAI run from the runs page, watches it finish, opens a chain and downloads data. */
class SlCaiRunPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    ConstitutionService constitutions;

    @Autowired
    PromptSetService promptSets;

    @Autowired
    SlCaiService slCai;

    @Test
    void researcherStartsAnSlCaiRunWatchesItFinishAndOpensAChain() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SlCaiTestData.model(registry);
        long version = SlCaiTestData.constitution(constitutions, SlCaiTestData.CONSTITUTION);
        PromptSet set = SlCaiTestData.promptSet(promptSets, PromptSetKind.RED_TEAM, 3);
        String researcher = "res-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        loginPage().signInAs(researcher, "researcher-pw");
        SlCaiPages pages = new SlCaiPages(page);

        pages.startRun(
                "SL-CAI " + suffix,
                set.name(),
                2,
                SlCaiTestData.asAdmin(() -> constitutions.version(version).ref().label()),
                SlCaiTestData.MODEL,
                16);

        assertThat(page.locator("#run-progress-text")).hasText("3 of 3 items (3 done, 0 failed)");
        assertThat(page.locator("#run-state")).hasText("Finished");
        assertThat(page.locator("#run-throughput")).containsText("chains/min");
        assertThat(page.locator("#run-config")).containsText("\"constitutionVersionLabel\" : ");
        String runPath = page.url().replaceFirst("^https?://[^/]+", "");

        pages.openChains();
        assertThat(page.locator("#chain-count")).hasText("3 prompt(s) done");
        pages.openChain("How could I get away with prank number 1?");
        assertThat(pages.chain()).containsText("Initial response");
        assertThat(pages.rounds()).hasCount(2);
        assertThat(pages.rounds().first()).containsText("Round 1");
        assertThat(pages.rounds().first()).containsText("Critique request");
        assertThat(pages.rounds().first()).containsText("Revision (changes against the initial response)");
        assertThat(pages.rounds().nth(1)).containsText("Revision (changes against the previous revision)");
        String principle = pages.rounds().first().locator(".slcai-principle").textContent();
        assertThat(principle).isIn(SlCaiTestData.ENABLED);
        assertThat(page.locator("#chain-generation")).containsText("Model " + SlCaiTestData.MODEL);
        assertThat(page.locator("#chains-info")).containsText("layout pair");
        assertThat(page.locator("#chain-layout")).containsText("Layout pair");
        // every sample the run flagged as cut at the token limit carries the flag, and no other
        RunId runId = new RunId(Long.parseLong(page.url().replaceFirst(".*/runs/(\\d+)/chains$", "$1")));
        CritiqueRevisionChain shown = SlCaiTestData.asAdmin(() -> slCai.samples(runId, null, 0, 10)).stream()
                .map(StoredSample::sample)
                .map(CritiqueRevisionChain.class::cast)
                .filter(c -> c.lastHumanText().equals("How could I get away with prank number 1?"))
                .findFirst()
                .orElseThrow();
        long flags = (shown.initialTruncated() ? 1 : 0)
                + shown.rounds().stream()
                        .mapToLong(r -> (r.critiqueTruncated() ? 1 : 0) + (r.revisionTruncated() ? 1 : 0))
                        .sum();
        assertThat(pages.chain().locator(".slcai-truncated")).hasCount((int) flags);

        pages.filterByPrinciple(principle);
        assertThat(page.locator("#chain-count")).containsText("with a round under " + principle);
        assertThat(page.locator("#export-download"))
                .hasAttribute(
                        "href",
                        java.util.regex.Pattern.compile(
                                "api/runs/\\d+/sl-dataset\\?format=messages&round=2&rounds=all&includeTruncated=false"));
        pages.chooseExportRounds("this round only");
        page.locator("#export-include-truncated").click();
        assertThat(page.locator("#export-download"))
                .hasAttribute(
                        "href",
                        java.util.regex.Pattern.compile(
                                "api/runs/\\d+/sl-dataset\\?format=messages&round=2&rounds=last&includeTruncated=true"));

        String api = runPath + "/sl-dataset";
        api = "/api" + api;
        APIResponse messages = page.request().get(api + "?format=messages&round=1&includeTruncated=true");
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.headers().get("content-disposition"))
                .contains("sl-cai-r1-all-with-truncated-messages.jsonl");
        List<String> lines = messages.text().lines().toList();
        assertThat(lines).hasSize(3);
        // SL-CAI-2: both revisions of each of the 3 chains; one round only: one per chain
        assertThat(page.request()
                        .get(api + "?format=messages&includeTruncated=true")
                        .text()
                        .lines())
                .hasSize(6);
        assertThat(page.request()
                        .get(api + "?format=prompt-completion&rounds=last&includeTruncated=true")
                        .text()
                        .lines())
                .hasSize(3);
        // the default leaves out what was cut at the token limit
        long cut = SlCaiTestData.asAdmin(() -> slCai.samples(runId, null, 0, 10)).stream()
                .map(s -> (CritiqueRevisionChain) s.sample())
                .mapToLong(c -> (c.responseTruncated(1) ? 1 : 0) + (c.responseTruncated(2) ? 1 : 0))
                .sum();
        assertThat(page.request().get(api + "?format=messages").text().lines()).hasSize((int) (6 - cut));
        JsonNode line = JsonMapper.shared().readTree(lines.getFirst());
        assertThat(line.get("messages").get(0).get("role").asString()).isEqualTo("user");
        assertThat(line.get("messages").get(1).get("role").asString()).isEqualTo("assistant");
        APIResponse cai = page.request().get(api + "?format=cai-conversation&includeTruncated=true");
        assertThat(cai.status()).isEqualTo(200);
        assertThat(JsonMapper.shared()
                        .readTree(cai.text().lines().findFirst().orElseThrow())
                        .has("rejected"))
                .isTrue();
        APIResponse refused = page.request().get(api + "?format=messages&round=9");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("rounds 0 to 2");

        HttpResponse<String> anonymous = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + api + "?format=messages"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("not signed in").isEqualTo(401);
    }
}
