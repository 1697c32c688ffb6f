package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.support.AsUser.asAdmin;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.StudyLink;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.IntegrationTest;
import org.cailab.support.StudyLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Study links against the running server: the key, closed studies, Prolific sessions, case, rate limit. */
class StudyLinkSecurityIT extends IntegrationTest {

    @Autowired
    CampaignService campaignService;

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private List<ModelSnapshot> models;

    @BeforeEach
    void models() {
        models = asAdmin(() -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void aLinkWithoutTheCampaignsKeyLetsNobodyInAndCreatesNoAccount() throws Exception {
        Campaign campaign = campaign(true);
        Campaign other = campaign(true);
        String pid = StudyLinks.newPid();
        HttpResponse<String> keyless = get("/p/" + campaign.id() + "?PROLIFIC_PID=" + pid + "&STUDY_ID=s&SESSION_ID=x");
        assertThat(keyless.statusCode()).isEqualTo(400);
        assertThat(keyless.body()).contains("not valid");
        String othersKey = StudyLinks.fill(link(other), pid, "s", "x")
                .replace("/p/" + other.id() + "?", "/p/" + campaign.id() + "?");
        HttpResponse<String> wrongKey = get(othersKey);
        assertThat(wrongKey.statusCode()).isEqualTo(404);
        for (HttpResponse<String> refused : List.of(keyless, wrongKey)) {
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        }
        assertThat(account("prolific-" + pid)).isEmpty();

        HttpResponse<String> ok = get(StudyLinks.fill(link(campaign), pid, "s", "x"));
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(account("prolific-" + pid)).isPresent();
    }

    @Test
    void aClosedStudysLinkShowsThatTheStudyIsClosed() throws Exception {
        Campaign closed = campaign(false);
        HttpResponse<String> response = get(StudyLinks.fill(link(closed), StudyLinks.newPid(), "s", "x"));
        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("html"));
        assertThat(response.body()).contains("<h1>This study is closed</h1>");
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
    }

    @Test
    void knowingSomeonesProlificIdIsNotEnoughToBecomeThem() throws Exception {
        Campaign campaign = campaign(true);
        String pid = StudyLinks.newPid();
        assertThat(get(StudyLinks.fill(link(campaign), pid, "study1", "session1"))
                        .statusCode())
                .isEqualTo(303);
        HttpResponse<String> impostor = get(StudyLinks.fill(link(campaign), pid, "study1", "session2"));
        assertThat(impostor.statusCode()).isEqualTo(403);
        assertThat(impostor.body()).contains("another Prolific session");
        assertThat(impostor.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        // the participant themselves comes back with their own session
        assertThat(get(StudyLinks.fill(link(campaign), pid, "study1", "session1"))
                        .statusCode())
                .isEqualTo(303);
    }

    @Test
    void prolificIdsThatDifferOnlyInCaseAreDifferentParticipants() throws Exception {
        Campaign campaign = campaign(true);
        String lower = "abcdef" + StudyLinks.newPid().substring(6);
        String upper = "ABCDEF" + lower.substring(6);
        assertThat(get(StudyLinks.fill(link(campaign), lower, "s", "one")).statusCode())
                .isEqualTo(303);
        // same session id on purpose: were the ids folded to one account, this would be the same participant
        assertThat(get(StudyLinks.fill(link(campaign), upper, "s", "two")).statusCode())
                .isEqualTo(303);
        UserAccount a = account("prolific-" + lower).orElseThrow();
        UserAccount b = account(new StudyLink(campaign.id(), "k", upper, "s", "two").username())
                .orElseThrow();
        assertThat(a.id()).isNotEqualTo(b.id());
    }

    @Test
    void entriesAreLimitedPerAddress() throws Exception {
        // a loopback address of its own, so that other tests' entries from 127.0.0.1 are not limited
        InetAddress address = InetAddress.getByName("127.0.%d.%d"
                .formatted(
                        ThreadLocalRandom.current().nextInt(1, 255),
                        ThreadLocalRandom.current().nextInt(2, 255)));
        HttpClient client = HttpClient.newBuilder()
                .localAddress(address)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Campaign campaign = campaign(true);
        String link = link(campaign);
        int limit = 30;
        for (int i = 0; i < limit; i++) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(
                                    "http://127.0.0.1:" + port + StudyLinks.fill(link, StudyLinks.newPid(), "s", "x")))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("entry %d", i + 1).isEqualTo(303);
        }
        String pid = StudyLinks.newPid();
        HttpResponse<String> limited = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + StudyLinks.fill(link, pid, "s", "x")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(account("prolific-" + pid)).isEmpty();
        // another address is not affected
        assertThat(get(StudyLinks.fill(link, pid, "s", "x")).statusCode()).isEqualTo(303);
    }

    @Test
    void disablingAParticipantEndsTheirOpenSessionAtOnce() throws Exception {
        Campaign campaign = campaign(true);
        String pid = StudyLinks.newPid();
        HttpResponse<String> entered = get(StudyLinks.fill(link(campaign), pid, "s", "x"));
        String session = entered.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
        // signed in as a worker: the ratings API knows them and refuses (403), rather than asking who they are (401)
        assertThat(getWithCookie("/api/ratings?task=helpfulness", session).statusCode())
                .isEqualTo(403);
        UserAccount account = account("prolific-" + pid).orElseThrow();
        asAdmin(() -> users.update(account, account.role(), false));
        assertThat(getWithCookie("/api/ratings?task=helpfulness", session).statusCode())
                .isEqualTo(401);
    }

    // --- helpers

    private Campaign campaign(boolean open) {
        List<PoolSnapshot> pool =
                models.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList();
        CampaignSettings settings = CampaignSettings.defaults(
                        "Links " + UUID.randomUUID().toString().substring(0, 8), ComparisonTask.HELPFULNESS, pool)
                .withOpen(open);
        return asAdmin(() -> campaignService.create(settings));
    }

    private String link(Campaign campaign) {
        return asAdmin(() -> campaignService.studyLink(campaign.id()));
    }

    private Optional<UserAccount> account(String username) {
        return asAdmin(() -> users.findAll()).stream()
                .filter(u -> u.username().equals(username))
                .findFirst();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getWithCookie(String path, String cookie) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Cookie", cookie)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
