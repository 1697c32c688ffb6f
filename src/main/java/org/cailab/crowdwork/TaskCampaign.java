package org.cailab.crowdwork;

/**
 * A stored campaign of some task type, as {@link TaskCampaignService} sees it: its id, its version for optimistic
 * locking and its settings.
 *
 * @param <S> the task type's settings
 */
public interface TaskCampaign<S extends TaskCampaign.Settings<S>> {

    long id();

    /** For optimistic locking: updates name the version they started from. */
    int version();

    S settings();

    default String name() {
        return settings().name();
    }

    /** A task type's campaign settings that can be opened and closed. */
    interface Settings<S extends Settings<S>> extends CampaignSettingsParts {

        S withOpen(boolean open);
    }
}
