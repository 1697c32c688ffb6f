package org.cailab.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A preference-pair import runs in the background (off the request thread, with the researcher's rights): a bad
 * file reports its line and stores nothing, a good one shows up in the pair list.
 */
class PairImportPageIT extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void aResearcherImportsPairsInTheBackgroundAndABadLineIsReported() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String researcher = "pairs-" + suffix;
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN", "ROLE_RESEARCHER")));
        try {
            users.create(new NewUser(researcher, "researcher-pw", Role.RESEARCHER));
        } finally {
            SecurityContextHolder.clearContext();
        }
        loginPage().signInAs(researcher, "researcher-pw");
        loginPage().navigation().getByText("Preference pairs").click();
        page.getByText("Import hh-rlhf pairs").click();

        String good = "{\"chosen\": \"\\n\\nHuman: Where is the kettle " + suffix
                + "?\\n\\nAssistant: In the kitchen.\"," + " \"rejected\": \"\\n\\nHuman: Where is the kettle " + suffix
                + "?\\n\\nAssistant: No idea.\"}";
        upload("broken-" + suffix + ".jsonl", good + "\n{not json\n");
        page.locator("#pair-import-button").click();
        assertThat(page.locator("#pair-import-error")).containsText("Line 2: not valid JSON");

        page.locator("#pair-file vaadin-upload-file")
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Remove"))
                .click();
        upload("kettle-" + suffix + ".jsonl", good + "\n");
        page.locator("#pair-import-name").locator("input").fill("Kettle " + suffix);
        page.locator("#pair-import-button").click();
        assertThat(page.locator("#pair-grid")).containsText("Where is the kettle " + suffix);
        assertThat(page.locator("#pair-import-error")).hasText("");
        assertThat(page.locator("#pair-import-progress")).isHidden();
    }

    private void upload(String fileName, String text) {
        page.locator("#pair-file input[type=file]")
                .setInputFiles(new FilePayload(fileName, "application/jsonl", text.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.locator("#pair-file vaadin-upload-file[complete]")).hasCount(1);
    }
}
