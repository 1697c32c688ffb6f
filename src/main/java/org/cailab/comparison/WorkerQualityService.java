package org.cailab.comparison;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins judge the workers: how fast, how accurate on gold checks, how biased to a side; and exclude them. */
@Service
@Transactional
public class WorkerQualityService {

    private final ConversationRepository conversations;
    private final UserService users;
    private final ApplicationEventPublisher events;

    WorkerQualityService(ConversationRepository conversations, UserService users, ApplicationEventPublisher events) {
        this.conversations = conversations;
        this.users = users;
        this.events = events;
    }

    /**
     * A vote sooner than this after both answers were shown cannot follow a reading of them (two answers of a few
     * sentences take several seconds to read); the quality page flags workers who vote like that.
     */
    public static final Duration FAST_VOTE = Duration.ofSeconds(2);

    /** One row per worker who voted (in one campaign, or in all when {@code campaignId} is null), by name. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<WorkerQuality> quality(@Nullable Long campaignId) {
        Map<Long, String> names =
                users.findAll().stream().collect(Collectors.toMap(UserAccount::id, UserAccount::username, (a, b) -> a));
        Set<Long> excluded = conversations.excludedWorkers();
        return conversations.quality(campaignId, FAST_VOTE.toMillis()).stream()
                .map(row -> new WorkerQuality(
                        row.workerId(),
                        names.getOrDefault(row.workerId(), "#" + row.workerId()),
                        row.votes(),
                        row.medianMillis() == null ? null : Duration.ofMillis(Math.round(row.medianMillis())),
                        row.goldAnswered(),
                        row.goldCorrect(),
                        row.goldAnswered() == 0 ? null : (double) row.goldCorrect() / row.goldAnswered(),
                        row.sideVotes(),
                        row.sideVotes() == 0 ? null : (double) row.aVotes() / row.sideVotes(),
                        row.identityLeaks(),
                        excluded.contains(row.workerId()),
                        row.fastVotes()))
                .sorted(Comparator.comparing(WorkerQuality::username, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Leaves a worker's votes out of the ratings, or takes them back in; their votes themselves stay stored. */
    @PreAuthorize("hasRole('ADMIN')")
    public void setExcluded(long workerId, boolean exclude) {
        boolean changed = exclude
                ? conversations.exclude(workerId, users.currentUser().username())
                : conversations.include(workerId);
        if (changed) {
            events.publishEvent(new WorkerExclusionChanged(workerId, exclude));
        }
    }
}
