package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.cailab.support.AsUser.asAdmin;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.NewSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.security.ApiKeyService;
import org.cailab.support.TinyModelFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An admin registers a snapshot served over the OpenAI API (by this very app), sees its health, and uses it. */
class RemoteModelIT extends BrowserTest {

    @Autowired
    ModelRegistry registry;

    @Autowired
    ApiKeyService keys;

    @Test
    void adminRegistersARemoteSnapshotSeesItsServerAndGeneratesWithIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ModelSnapshot served = asAdmin(() -> registry.register(NewSnapshot.local(
                "served-" + suffix,
                SnapshotKind.PRETRAINED,
                TinyModelFixture.create("remote-e2e", 12).toString())));
        String variable = "CAILAB_E2E_KEY_" + suffix.replace("-", "_");
        System.setProperty(
                variable,
                asAdmin(() -> keys.create(
                                "e2e remote", java.util.Set.of(org.cailab.security.ApiKeyScope.OPENAI_API), null))
                        .secret());
        String remote = "remote-" + suffix;

        LoginPage login = loginPage();
        login.signInAs("admin", ADMIN_PASSWORD);
        login.navigation().getByText("Models").click();
        page.getByText("Register a model on OpenAI-compatible servers").click();
        page.getByLabel("Remote snapshot name").fill(remote);
        page.getByLabel("Server URLs").fill(baseUrl() + "/v1");
        page.getByLabel("Served model name").fill(served.name());
        page.getByLabel("API key variable").fill(variable);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register remote model"))
                .click();

        assertThat(page.locator("#snapshot-grid").getByText(remote)).isVisible();
        assertThat(page.locator("#backend-health")).containsText(remote);
        assertThat(page.locator("#backend-health")).containsText("reachable");
        assertThat(page.locator("#backend-health")).containsText(served.name());

        login.navigation().getByText("Playground").click();
        page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Snapshot"))
                .fill(remote);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(remote))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate"))
                .click();
        assertThat(page.locator("#playground-stats")).containsText("tokens/s");
    }
}
