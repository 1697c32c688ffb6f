package org.cailab.crowdwork;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task type's campaign settings: {@link CampaignBasics} plus the task's own part. The shared settings read
 * through, so that views and services write {@code settings.name()} whatever the task.
 */
public interface CampaignSettingsParts {

    CampaignBasics basics();

    default String name() {
        return basics().name();
    }

    default String instructions() {
        return basics().instructions();
    }

    default List<PoolSnapshot> pool() {
        return basics().pool();
    }

    default int turnLimit() {
        return basics().turnLimit();
    }

    default @Nullable Integer quotaPerWorker() {
        return basics().quotaPerWorker();
    }

    default boolean open() {
        return basics().open();
    }

    default String completionCode() {
        return basics().completionCode();
    }
}
