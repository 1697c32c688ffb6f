package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.cailab.support.AsUser.asAdmin;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.cailab.model.ModelRegistry;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PlaygroundIT extends BrowserTest {

    @Autowired
    ModelRegistry registry;

    @Autowired
    UserService users;

    @Test
    void researcherGeneratesWithARegisteredSnapshot() {
        String snapshot = "tiny-" + UUID.randomUUID().toString().substring(0, 6);
        String researcher = "r-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin(() -> {
            registry.register(NewSnapshot.local(
                    snapshot,
                    SnapshotKind.PRETRAINED,
                    TinyModelFixture.create("playground", 11).toString()));
            users.create(new NewUser(researcher, "research-pass", Role.RESEARCHER));
        });
        LoginPage login = loginPage();
        login.signInAs(researcher, "research-pass");
        login.navigation().getByText("Models").click();
        assertThat(page.locator("#snapshot-grid").getByText(snapshot)).isVisible();

        login.navigation().getByText("Playground").click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Snapshot"))
                .fill(snapshot);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(snapshot))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
                .click();
        assertThat(page.locator("#playground-stats")).containsText("tokens/s");
        assertThat(page.locator("#playground-stats")).containsText("temperature 1.00");
    }

    @Test
    void maxTokensAboveTheLimitAreRefusedByTheServerWithTheLimitNamed() {
        String snapshot = "tiny-" + UUID.randomUUID().toString().substring(0, 6);
        String researcher = "r-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin(() -> {
            registry.register(NewSnapshot.local(
                    snapshot,
                    SnapshotKind.PRETRAINED,
                    TinyModelFixture.create("playground-limit", 12).toString()));
            users.create(new NewUser(researcher, "research-pass", Role.RESEARCHER));
        });
        LoginPage login = loginPage();
        login.signInAs(researcher, "research-pass");
        login.navigation().getByText("Playground").click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Snapshot"))
                .fill(snapshot);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(snapshot))
                .click();
        // the field's bound is only a hint to the browser: the number typed still reaches the server
        page.locator("#playground-max-tokens input").fill("5000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
                .click();
        assertThat(page.locator("#playground-stats"))
                .containsText("Not generated: Max new tokens 5000 is above the limit of 2048");
        assertThat(page.locator("#playground-reply")).hasText("");

        page.locator("#playground-max-tokens input").fill("8");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
                .click();
        assertThat(page.locator("#playground-stats")).containsText("max 8");
    }

    @Test
    void workerCannotOpenTheModelPages() {
        String worker = "w-" + UUID.randomUUID().toString().substring(0, 6);
        asAdmin(() -> users.create(new NewUser(worker, "worker-pass", Role.WORKER)));
        LoginPage login = loginPage();
        login.signInAs(worker, "worker-pass");
        assertThat(login.navigation().getByText("Playground")).hasCount(0);
        page.navigate("/playground");
        assertThat(page.getByText("Page not available")).isVisible();
    }
}
