package org.cailab.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cailab.db.jooq.Tables.COMPARISON_TURN;
import static org.cailab.db.jooq.Tables.EVENT_PUBLICATION;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import org.cailab.crowdwork.CrowdworkProperties;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.db.jooq.tables.records.EventPublicationRecord;
import org.cailab.dialogue.Exchange;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.cailab.support.ComparisonTestModels;
import org.cailab.support.IntegrationTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker's message starts the answers through Spring Modulith's event publication registry (decision 0151,
 * "after-commit work as events"): the request is a row of {@code event_publication} written in the message's
 * transaction, the answers start only after it commits, a rollback leaves neither the row nor a generation, and a
 * request left incomplete by a stop between commit and listener is resubmitted at the next start. Asserted on
 * database state (awaited with a deadline), never on logs.
 */
class TurnAnswerEventsIT extends IntegrationTest {

    private static final String LISTENER = "comparison.turn-answers";

    @Autowired
    CampaignService campaignService;

    @Autowired
    ComparisonService comparisons;

    @Autowired
    ConversationRepository conversations;

    @Autowired
    AnswerGenerator generator;

    @Autowired
    UserService users;

    @Autowired
    ModelRegistry registry;

    @Autowired
    DSLContext dsl;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    CrowdworkProperties crowdwork;

    @Autowired
    ApplicationContext context;

    private String worker;
    private List<ModelSnapshot> models;

    @BeforeEach
    void newWorkerAndModels() {
        worker = "w-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin", () -> users.create(new NewUser(worker, "worker-pass", Role.WORKER)));
        models = as("admin", () -> ComparisonTestModels.ensure(registry));
    }

    @Test
    void aCommittedMessageStartsTheAnswersWithoutAPageWatching() {
        Campaign campaign = campaign();
        long conversation =
                as(worker, () -> comparisons.open(campaign.id())).conversation().id();
        long turnId = as(worker, () -> comparisons.send(campaign.id(), conversation, "How do I bake bread?"))
                .turnId();

        // nobody calls watch: only the listener can have started the answers
        await("the answers are stored", () -> status(turnId) == TurnStatus.READY);
        await(
                "the publication is completed (deleted)",
                () -> publications(turnId).isEmpty());
        assertThat(dsl.fetchValue(COMPARISON_TURN.ANSWER_A, COMPARISON_TURN.ID.eq(turnId)))
                .isNotNull();
    }

    @Test
    void aRolledBackMessageLeavesNoPublicationAndStartsNothing() {
        Campaign campaign = campaign();
        long conversation =
                as(worker, () -> comparisons.open(campaign.id())).conversation().id();
        long[] turnId = new long[1];
        List<EventPublicationRecord> inTransaction = as(
                worker,
                () -> transactions.execute(tx -> {
                    turnId[0] = comparisons
                            .send(campaign.id(), conversation, "rolled back")
                            .turnId();
                    List<EventPublicationRecord> rows = publications(turnId[0]);
                    tx.setRollbackOnly();
                    return rows;
                }));

        assertThat(inTransaction)
                .as("the request is written in the message's own transaction")
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.getListenerId()).isEqualTo(LISTENER);
                    assertThat(row.getEventType()).isEqualTo(TurnAnswersRequested.class.getName());
                    assertThat(row.getStatus()).isEqualTo("PUBLISHED");
                });
        assertThat(publications(turnId[0])).isEmpty();
        assertThat(dsl.fetchExists(COMPARISON_TURN, COMPARISON_TURN.ID.eq(turnId[0])))
                .isFalse();
        assertThat(generator.isGenerating(turnId[0])).isFalse();
        // the worker can send again: no pending turn was left behind
        long next = as(worker, () -> comparisons.send(campaign.id(), conversation, "again"))
                .turnId();
        await("the next message is answered", () -> status(next) == TurnStatus.READY);
    }

    @Test
    void aRequestLeftIncompleteByAStopIsResubmittedAtTheNextStart() {
        long turnId = stalledTurnWithPublication(Instant.now());
        assertThat(publications(turnId))
                .as("visible in the registry table")
                .singleElement()
                .satisfies(row -> assertThat(row.getStatus()).isEqualTo("PUBLISHED"));
        assertThat(generator.isGenerating(turnId)).isFalse();

        restartRepublication();

        await("the resubmitted request generated the answers", () -> status(turnId) == TurnStatus.READY);
        await(
                "the publication is completed (deleted)",
                () -> publications(turnId).isEmpty());
    }

    @Test
    void aResubmittedRequestThatNoPageWaitsForAnyMoreIsDropped() {
        Instant long_ago = Instant.now().minus(crowdwork.generationTimeout()).minus(Duration.ofMinutes(1));
        long turnId = stalledTurnWithPublication(long_ago);

        restartRepublication();

        await(
                "the publication is completed (deleted)",
                () -> publications(turnId).isEmpty());
        // the listener has returned (completion comes after it): it started nothing, the page's resume path will
        assertThat(status(turnId)).isEqualTo(TurnStatus.GENERATING);
        assertThat(generator.isGenerating(turnId)).isFalse();
    }

    /**
     * The database as a stop between commit and listener leaves it: a turn stored as generating with its request in
     * the registry, as the multicaster writes it (same mapper, listener id, status), and no generation under way.
     */
    private long stalledTurnWithPublication(Instant requestedAt) {
        Campaign campaign = campaign();
        long conversation =
                as(worker, () -> comparisons.open(campaign.id())).conversation().id();
        String message = "left behind " + UUID.randomUUID();
        return transactions.execute(tx -> {
            StoredTurn turn = conversations.insertTurn(
                    conversation,
                    0,
                    message,
                    Exchange.prompt(List.of(), message),
                    PairDrawer.draw(
                            campaign.settings().pool(), campaign.settings().pairDrawing(), new Random(7)));
            dsl.insertInto(EVENT_PUBLICATION)
                    .set(EVENT_PUBLICATION.ID, UUID.randomUUID())
                    .set(EVENT_PUBLICATION.LISTENER_ID, LISTENER)
                    .set(EVENT_PUBLICATION.EVENT_TYPE, TurnAnswersRequested.class.getName())
                    .set(
                            EVENT_PUBLICATION.SERIALIZED_EVENT,
                            json.writeValueAsString(new TurnAnswersRequested(turn.id(), worker, requestedAt)))
                    .set(EVENT_PUBLICATION.PUBLICATION_DATE, OffsetDateTime.now())
                    .set(EVENT_PUBLICATION.STATUS, "PUBLISHED")
                    .set(EVENT_PUBLICATION.COMPLETION_ATTEMPTS, 1)
                    .set(EVENT_PUBLICATION.LAST_RESUBMISSION_DATE, OffsetDateTime.now())
                    .execute();
            return turn.id();
        });
    }

    /**
     * What the app does at start with {@code spring.modulith.events.republish-outstanding-events-on-restart=true}:
     * Spring calls this on the event multicaster once all singletons exist (it reads the property itself, so this
     * also checks that the app sets it).
     */
    private void restartRepublication() {
        context.getBean("applicationEventMulticaster", SmartInitializingSingleton.class)
                .afterSingletonsInstantiated();
    }

    private List<EventPublicationRecord> publications(long turnId) {
        return dsl
                .selectFrom(EVENT_PUBLICATION)
                .where(EVENT_PUBLICATION.EVENT_TYPE.eq(TurnAnswersRequested.class.getName()))
                .fetch()
                .stream()
                .filter(row -> json.readValue(row.getSerializedEvent(), TurnAnswersRequested.class)
                                .turnId()
                        == turnId)
                .toList();
    }

    private TurnStatus status(long turnId) {
        return conversations.findTurn(turnId).orElseThrow().status();
    }

    private Campaign campaign() {
        List<PoolSnapshot> pool =
                models.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList();
        CampaignSettings settings = CampaignSettings.defaults(
                        "Events " + UUID.randomUUID().toString().substring(0, 8), ComparisonTask.HELPFULNESS, pool)
                .withOpen(true);
        return as("admin", () -> campaignService.create(settings));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 60 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static <T> T as(String username, Callable<T> action) {
        return org.cailab.support.Voting.as(
                username,
                username.equals("admin") ? org.cailab.security.Role.ADMIN : org.cailab.security.Role.WORKER,
                action);
    }
}
