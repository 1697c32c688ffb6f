package org.cailab.e2e;

import com.microsoft.playwright.APIResponse;
import org.cailab.constitution.ConstitutionService;
import org.cailab.model.ModelRegistry;
import org.cailab.promptset.PromptSet;
import org.cailab.promptset.PromptSetKind;
import org.cailab.promptset.PromptSetService;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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

        pages.startRun("SL-CAI " + suffix, set.name(), 2, SlCaiTestData.asAdmin(() -> constitutions.version(version).ref().label()), SlCaiTestData.MODEL, 16);

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

        pages.filterByPrinciple(principle);
        assertThat(page.locator("#chain-count")).containsText("with a round under " + principle);
        assertThat(page.locator("#export-download")).hasAttribute("href",
                java.util.regex.Pattern.compile("api/runs/\\d+/sl-dataset\\?format=messages&round=2"));

        String api = runPath + "/sl-dataset";
        api = "/api" + api;
        APIResponse messages = page.request().get(api + "?format=messages&round=1");
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.headers().get("content-disposition")).contains("sl-cai-r1-messages.jsonl");
        List<String> lines = messages.text().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode line = JsonMapper.shared().readTree(lines.getFirst());
        assertThat(line.get("messages").get(0).get("role").asString()).isEqualTo("user");
        assertThat(line.get("messages").get(1).get("role").asString()).isEqualTo("assistant");
        APIResponse cai = page.request().get(api + "?format=cai-conversation");
        assertThat(cai.status()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(cai.text().lines().findFirst().orElseThrow()).has("rejected")).isTrue();
        APIResponse refused = page.request().get(api + "?format=messages&round=9");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("rounds 0 to 2");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + api + "?format=messages")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("not signed in").isEqualTo(401);
    }
}
