package org.cailab.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.support.Voting.as;
import static org.cailab.support.Voting.asAdmin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.Choice;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonTask;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.ApiKey;
import org.cailab.security.ApiKeyException;
import org.cailab.security.ApiKeyScope;
import org.cailab.security.ApiKeyService;
import org.cailab.security.CreatedApiKey;
import org.cailab.security.Role;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.IntegrationTest;
import org.cailab.support.StudyLinks;
import org.cailab.support.Voting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/ratings} over HTTP: API keys without a session, bad and revoked keys, roles. */
class RatingsApiIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ApiKeyService keys;

    @Autowired
    org.jooq.DSLContext dsl;

    @Autowired
    UserService users;

    @Autowired
    CampaignService campaigns;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ModelRegistry registry;

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private Voting voting;
    private List<ModelSnapshot> models;

    @BeforeEach
    void setUp() {
        voting = new Voting(users, campaigns, comparisons);
        models = asAdmin(() -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void aResearchersKeyReadsRatingsWithoutASession() throws Exception {
        String worker = voting.user("api-worker", Role.WORKER);
        voting.vote(worker, voting.campaign(ComparisonTask.HELPFULNESS, models), Choice.A_BETTER);
        String researcher = voting.user("api-res", Role.RESEARCHER);
        CreatedApiKey key = as(researcher, Role.RESEARCHER, () -> keys.create("nightly export"));
        assertThat(key.secret()).startsWith("cai_");
        assertThat(key.key().prefix()).isEqualTo(key.secret().substring(0, 10));

        HttpResponse<String> ok =
                get("/api/ratings?task=helpfulness&method=bt&bootstrap=20", "Authorization", "Bearer " + key.secret());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("json"));
        assertThat(ok.headers().allValues("Set-Cookie")).as("stateless").noneMatch(c -> c.startsWith("JSESSIONID"));
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("task").asString()).isEqualTo("helpfulness");
        assertThat(body.get("method").asString()).isEqualTo("bt");
        assertThat(body.get("bootstrapRounds").asInt()).isEqualTo(20);
        assertThat(body.get("models").size()).isGreaterThanOrEqualTo(2);
        JsonNode first = body.get("models").get(0);
        for (String field : List.of("snapshot", "rating", "lower", "upper", "votes", "rank", "step", "runId")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("lower").asDouble())
                .isLessThanOrEqualTo(first.get("rating").asDouble());

        HttpResponse<String> elo =
                get("/api/ratings?task=HARMLESSNESS&method=elo&bootstrap=0", "X-API-Key", key.secret());
        assertThat(elo.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(elo.body()).get("task").asString()).isEqualTo("harmlessness");
        assertThat(as(researcher, Role.RESEARCHER, () -> keys.keys()))
                .singleElement()
                .satisfies(k -> assertThat(k.lastUsedAt()).isNotNull());

        assertThat(get("/api/ratings?task=kindness", "X-API-Key", key.secret()).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/ratings?task=helpfulness&bootstrap=5000", "X-API-Key", key.secret())
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> badAnchor = get("/api/ratings?task=helpfulness&anchor=nobody", "X-API-Key", key.secret());
        assertThat(badAnchor.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badAnchor.body()).get("error").asString()).contains("nobody");
    }

    @Test
    void aKeyOnlyDoesWhatItsScopesAllowAndStopsWhenItExpires() throws Exception {
        String researcher = voting.user("api-scope", Role.RESEARCHER);
        CreatedApiKey datasetsOnly = as(
                researcher,
                Role.RESEARCHER,
                () -> keys.create("datasets only", java.util.Set.of(ApiKeyScope.READ_DATASETS), null));
        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", datasetsOnly.secret())
                        .statusCode())
                .isEqualTo(403);
        assertThat(get("/api/runs/999999999/sl-dataset", "X-API-Key", datasetsOnly.secret())
                        .statusCode())
                .as("past the scope check: the run does not exist")
                .isNotIn(401, 403);

        CreatedApiKey expiring = as(
                researcher,
                Role.RESEARCHER,
                () -> keys.create(
                        "until tomorrow",
                        java.util.Set.of(ApiKeyScope.READ_RATINGS),
                        java.time.OffsetDateTime.now().plusDays(1)));
        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", expiring.secret())
                        .statusCode())
                .isEqualTo(200);
        assertThat(as(researcher, Role.RESEARCHER, () -> keys.keys()))
                .filteredOn(k -> k.id() == expiring.key().id())
                .singleElement()
                .satisfies(k -> {
                    assertThat(k.scopes()).containsExactly(ApiKeyScope.READ_RATINGS);
                    assertThat(k.expiresAt()).isNotNull();
                });
        // a day later (moved in the database rather than waited for)
        dsl.update(org.cailab.db.jooq.Tables.API_KEY)
                .set(
                        org.cailab.db.jooq.Tables.API_KEY.EXPIRES_AT,
                        java.time.OffsetDateTime.now().minusSeconds(1))
                .where(org.cailab.db.jooq.Tables.API_KEY.ID.eq(expiring.key().id()))
                .execute();
        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", expiring.secret())
                        .statusCode())
                .isEqualTo(401);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> as(
                        researcher,
                        Role.RESEARCHER,
                        () -> keys.create(
                                "in the past",
                                java.util.Set.of(ApiKeyScope.READ_RATINGS),
                                java.time.OffsetDateTime.now().minusDays(1)))))
                .isInstanceOf(ApiKeyException.class);
    }

    @Test
    void unknownAndRevokedKeysAndAnonymousRequestsGet401() throws Exception {
        String researcher = voting.user("api-rev", Role.RESEARCHER);
        CreatedApiKey key = as(researcher, Role.RESEARCHER, () -> keys.create("to revoke"));
        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", key.secret())
                        .statusCode())
                .isEqualTo(200);

        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", "cai_" + "x".repeat(43))
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/api/ratings?task=helpfulness", "Authorization", "Bearer nonsense")
                        .statusCode())
                .isEqualTo(401);
        assertThat(get("/api/ratings?task=helpfulness", null, null).statusCode())
                .isEqualTo(401);

        as(researcher, Role.RESEARCHER, () -> {
            keys.revoke(key.key().id());
            return null;
        });
        HttpResponse<String> revoked = get("/api/ratings?task=helpfulness", "Authorization", "Bearer " + key.secret());
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.body()).doesNotContain(key.secret());
    }

    @Test
    void workersGet403WithASessionOrWithTheKeyOfAResearcherWhoBecameAWorker() throws Exception {
        Campaign campaign = voting.campaign(ComparisonTask.HELPFULNESS, models);
        String pid = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        HttpResponse<String> entered =
                get(StudyLinks.fill(asAdmin(() -> campaigns.studyLink(campaign.id())), pid, "st1", "se1"), null, null);
        assertThat(entered.statusCode()).isEqualTo(303);
        String session = entered.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];
        HttpResponse<String> asWorker = get("/api/ratings?task=helpfulness", "Cookie", session);
        assertThat(asWorker.statusCode())
                .as(asWorker.headers().map().toString())
                .isEqualTo(403);

        String researcher = voting.user("api-demoted", Role.RESEARCHER);
        CreatedApiKey key = as(researcher, Role.RESEARCHER, () -> keys.create("old key"));
        UserAccount account = asAdmin(() -> users.findAll()).stream()
                .filter(u -> u.username().equals(researcher))
                .findFirst()
                .orElseThrow();
        asAdmin(() -> users.update(account, Role.WORKER, true));
        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", key.secret())
                        .statusCode())
                .isEqualTo(403);
        asAdmin(() -> users.update(
                asAdmin(() -> users.findAll()).stream()
                        .filter(u -> u.username().equals(researcher))
                        .findFirst()
                        .orElseThrow(),
                Role.RESEARCHER,
                false));
        assertThat(get("/api/ratings?task=helpfulness", "X-API-Key", key.secret())
                        .statusCode())
                .as("disabled owner")
                .isEqualTo(401);
    }

    @Test
    void keysAreOnlyShownToTheirOwnerAndAdmins() {
        String alice = voting.user("alice", Role.RESEARCHER);
        String bob = voting.user("bob", Role.RESEARCHER);
        CreatedApiKey aliceKey = as(alice, Role.RESEARCHER, () -> keys.create("alice's"));
        assertThat(as(bob, Role.RESEARCHER, () -> keys.keys())).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> as(bob, Role.RESEARCHER, () -> {
                    keys.revoke(aliceKey.key().id());
                    return null;
                })))
                .isInstanceOf(ApiKeyException.class);
        assertThat(asAdmin(() -> keys.keys()))
                .extracting(ApiKey::id)
                .contains(aliceKey.key().id());
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> as(alice, Role.WORKER, () -> keys.create("worker key"))))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    private HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (header != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
