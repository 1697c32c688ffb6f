package org.cailab.crowdwork;

import java.util.List;
import java.util.function.Function;
import org.cailab.dialogue.TurnText;
import org.cailab.security.StudyAccess;
import org.cailab.security.UserAccount;
import org.cailab.security.UserService;

/**
 * The workers' side of a task type's campaigns, shared by the worker services (they call it inside their own
 * role-checked, transactional methods): the campaigns the session may open, the guidelines flag, and the checks of a
 * worker's message before it becomes a turn.
 *
 * @param <C> the task type's stored campaign
 * @param <S> its settings
 */
public final class WorkerCampaigns<C extends TaskCampaign<S>, S extends TaskCampaign.Settings<S>> {

    private final TaskCampaignRepository<C, S> campaigns;
    private final UserService users;
    private final String kind;
    private final String noun;
    private final Function<String, ? extends CampaignException> error;

    /**
     * @param kind  the task type's name in study-link keys and session authorities
     * @param noun  the campaign in messages ("campaign", "red-team campaign")
     * @param error the task type's exception for a message meant for the worker
     */
    public WorkerCampaigns(
            TaskCampaignRepository<C, S> campaigns,
            UserService users,
            String kind,
            String noun,
            Function<String, ? extends CampaignException> error) {
        this.campaigns = campaigns;
        this.users = users;
        this.kind = kind;
        this.noun = noun;
        this.error = error;
    }

    /** The signed-in worker. */
    public UserAccount me() {
        return users.currentUser();
    }

    /** The open campaigns the current session may open, in the repository's order. */
    public List<C> open() {
        return campaigns.findOpen().stream()
                .filter(c -> StudyAccess.mayOpen(kind, c.id()))
                .toList();
    }

    /** A campaign the current session may open: a study participant's session only those it entered by a link. */
    public C campaign(long campaignId) {
        return campaigns
                .findById(campaignId)
                .filter(c -> StudyAccess.mayOpen(kind, c.id()))
                .orElseThrow(() -> error.apply("There is no " + noun + " " + campaignId + "."));
    }

    /** {@link #campaign}, refused while it is closed. */
    public C openCampaign(long campaignId) {
        C campaign = campaign(campaignId);
        if (!campaign.settings().open()) {
            throw error.apply("This campaign is closed.");
        }
        return campaign;
    }

    /** Records that the worker has read the guidelines, so that they are not shown automatically again. */
    public void acknowledgeGuidelines(long campaignId) {
        UserAccount me = me();
        campaign(campaignId);
        campaigns.lockParticipation(campaignId, me.id());
        campaigns.markGuidelinesSeen(campaignId, me.id());
    }

    /**
     * A worker's message as it is stored: printable, stripped, not empty, at most {@code maxLength} characters, and
     * starting no turn of its own.
     */
    public String message(String message, int maxLength) {
        String text = message == null ? "" : TurnText.printable(message).strip();
        if (text.isEmpty()) {
            throw error.apply("Write a message first.");
        }
        if (text.length() > maxLength) {
            throw error.apply("Messages can be at most " + maxLength + " characters long.");
        }
        try {
            TurnText.checkNoTurnMarkers(text);
        } catch (IllegalArgumentException e) {
            throw error.apply(e.getMessage());
        }
        return text;
    }
}
