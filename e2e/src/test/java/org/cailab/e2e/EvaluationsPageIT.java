package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.cailab.model.ModelRegistry;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.slcai.SlCaiTestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A researcher uploads an evaluation set (a bad file is refused with its line), starts a multiple-choice evaluation
 * of a snapshot from the runs page, and finds it in the comparison table and in chart 6 on the dashboards.
 */
class EvaluationsPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Test
    void researcherUploadsASetEvaluatesASnapshotAndComparesIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        SlCaiTestData.model(registry);
        String researcher = "ev-" + suffix;
        SlCaiTestData.asAdmin(() -> users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER)));
        loginPage().signInAs(researcher, "researcher-pw");

        new LoginPage(page).navigation().getByText("Evaluations").click();
        page.getByText("Upload an evaluation set").click();
        upload("bad.jsonl", items(3) + "{\"prompt\": \"x\", \"corrects\": []}\n");
        LoginPage.textbox(page, "Set name").fill("bad " + suffix);
        button("Import set").click();
        assertThat(page.locator("#evaluation-set-error")).containsText("bad.jsonl, line 4: the item has no options");

        String set = "hhh " + suffix;
        upload("hhh.jsonl", items(5));
        LoginPage.textbox(page, "Set name").fill(set);
        button("Import set").click();
        assertThat(page.locator("#evaluation-sets").getByText(set, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page.locator("#evaluation-sets").getByText("bad " + suffix)).hasCount(0);

        new LoginPage(page).navigation().getByText("Runs").click();
        assertThat(page.locator("#run-grid")).isVisible();
        page.locator("#run-type").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions()
                                .setName("Multiple-choice evaluation")
                                .setExact(true))
                .click();
        assertThat(page.locator("#run-model-0")).isVisible();
        LoginPage.textbox(page, "Run name").fill("eval " + suffix);
        page.locator("#run-param-evaluationSet").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(set).setExact(true))
                .click();
        RunsPages.pick(page, "#run-model-0", SlCaiTestData.MODEL);
        button("Start run").click();
        page.waitForURL(url -> url.matches(".*/runs/\\d+$"));
        assertThat(page.locator("#run-state"))
                .hasText(
                        "Finished",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Evaluation results"))
                .click();
        page.waitForURL(url -> url.endsWith("/evaluations"));
        page.locator("#evaluation-result-set").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(set).setExact(true))
                .click();
        Locator results = page.locator("#evaluation-results");
        assertThat(results.getByText(SlCaiTestData.MODEL, new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(results.getByText("eval " + suffix, new Locator.GetByTextOptions().setExact(false)))
                .isVisible();

        new LoginPage(page).navigation().getByText("Dashboards").click();
        assertThat(page.locator("#evaluation-accuracy-chart canvas")).hasCount(1);
        assertThat(page.locator("#evaluation-reliability-chart canvas")).hasCount(1);
    }

    private void upload(String fileName, String content) {
        page.locator("#evaluation-set-file input[type=file]")
                .setInputFiles(
                        new FilePayload(fileName, "application/jsonl", content.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#evaluation-set-file vaadin-upload-file[complete]"))
                .hasCount(1);
    }

    private Locator button(String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static String items(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append("{\"prompt\": \"\\n\\nHuman: Which is better, ")
                    .append(i)
                    .append(
                            "?\\n\\nOptions:\\n(A) Yes.\\n(B) No.\\n\\nAssistant: The answer is:\", \"corrects\": [\" (")
                    .append(i % 2 == 0 ? "A" : "B")
                    .append(")\"], \"incorrects\": [\" (")
                    .append(i % 2 == 0 ? "B" : "A")
                    .append(")\"]}\n");
        }
        return out.toString();
    }
}
