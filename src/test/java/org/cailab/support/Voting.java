package org.cailab.support;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cailab.comparison.AnswerListener;
import org.cailab.comparison.AnswerSubscription;
import org.cailab.comparison.Campaign;
import org.cailab.comparison.CampaignService;
import org.cailab.comparison.CampaignSettings;
import org.cailab.comparison.Choice;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.ComparisonState;
import org.cailab.comparison.ComparisonTask;
import org.cailab.comparison.PendingComparison;
import org.cailab.comparison.Side;
import org.cailab.comparison.VoteRequest;
import org.cailab.crowdwork.PoolSnapshot;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.NewUser;
import org.cailab.security.Role;
import org.cailab.security.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Casts real votes through {@link ComparisonService} for tests of what reads them (ratings, dashboards): creates
 * users and open campaigns as the admin, then plays a worker who sends a message, waits for both answers of the tiny
 * models and votes.
 */
public final class Voting {

    private final UserService users;
    private final CampaignService campaigns;
    private final ComparisonService comparisons;

    public Voting(UserService users, CampaignService campaigns, ComparisonService comparisons) {
        this.users = users;
        this.campaigns = campaigns;
        this.comparisons = comparisons;
    }

    /** A new user with password {@code password-1}. */
    public String user(String prefix, Role role) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin(() -> users.create(new NewUser(name, "password-1", role)));
        return name;
    }

    /** An open campaign over {@code models}, without gold checks, quota or strength scale. */
    public Campaign campaign(ComparisonTask task, List<ModelSnapshot> models) {
        CampaignSettings d = CampaignSettings.defaults(
                "Ratings " + UUID.randomUUID().toString().substring(0, 8),
                task,
                models.stream().map(m -> new PoolSnapshot(m.id(), m.name(), 1)).toList());
        CampaignSettings settings = new CampaignSettings(
                d.name(),
                d.task(),
                d.instructions(),
                d.pool(),
                d.pairDrawing(),
                50,
                d.allowTie(),
                d.allowBothBad(),
                null,
                null,
                0,
                true,
                d.completionCode());
        return asAdmin(() -> campaigns.create(settings));
    }

    /** The worker sends a message in the campaign, waits for both answers and votes; returns the vote id. */
    public long vote(String worker, Campaign campaign, Choice choice) {
        ComparisonState state = as(worker, Role.WORKER, () -> comparisons.open(campaign.id()));
        PendingComparison pending = as(
                worker,
                Role.WORKER,
                () -> comparisons.send(campaign.id(), state.conversation().id(), "hello there"));
        Ready ready = new Ready();
        try (AnswerSubscription ignored = as(worker, Role.WORKER, () -> comparisons.watch(pending.turnId(), ready))) {
            ready.future.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("answers did not arrive", e);
        }
        return as(
                        worker,
                        Role.WORKER,
                        () -> comparisons.vote(new VoteRequest(
                                pending.turnId(),
                                choice,
                                null,
                                UUID.randomUUID().toString())))
                .voteId();
    }

    public static <T> T asAdmin(Callable<T> action) {
        return as("admin", Role.ADMIN, action);
    }

    /** Runs {@code action} signed in as {@code username} with the authorities of {@code role}. */
    public static <T> T as(String username, Role role, Callable<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username,
                null,
                AuthorityUtils.createAuthorityList(role.grantedRoles().stream()
                        .map(r -> "ROLE_" + r.name())
                        .toList())));
        SecurityContextHolder.setContext(context);
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static final class Ready implements AnswerListener {
        final CompletableFuture<Void> future = new CompletableFuture<>();

        @Override
        public void onText(Side side, String textSoFar) {}

        @Override
        public void onReady(long turnId, String answerA, String answerB) {
            future.complete(null);
        }

        @Override
        public void onFailed(long turnId, String message) {
            future.completeExceptionally(new IllegalStateException(message));
        }
    }
}
