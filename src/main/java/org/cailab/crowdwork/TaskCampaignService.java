package org.cailab.crowdwork;

import java.util.List;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.StudyLinkEntry;
import org.cailab.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;

/**
 * What researchers and admins do with any task type's campaigns (list, read, create, update, open and close, the
 * study link), role-checked; a task type's service extends it with its settings' own checks ({@link #validated}) and
 * whatever else its campaigns hold.
 *
 * @param <C> the task type's stored campaign
 * @param <S> its settings
 */
@Transactional
public abstract class TaskCampaignService<C extends TaskCampaign<S>, S extends TaskCampaign.Settings<S>> {

    private final TaskCampaignRepository<C, S> campaigns;
    private final ModelService models;
    private final UserService users;
    private final StudyLinkEntry entry;
    private final CampaignStudyLinks studyCampaigns;
    private final String noun;

    /** How the settings are checked. */
    protected final CampaignRules rules;

    protected final CampaignChecks checks;

    /**
     * @param noun the campaign in messages ("campaign", "red-team campaign")
     */
    protected TaskCampaignService(
            TaskCampaignRepository<C, S> campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            CampaignChecks checks,
            CampaignStudyLinks studyCampaigns,
            CampaignRules rules,
            String noun) {
        this.campaigns = campaigns;
        this.models = models;
        this.users = users;
        this.entry = entry;
        this.checks = checks;
        this.studyCampaigns = studyCampaigns;
        this.rules = rules;
        this.noun = noun;
    }

    /** The task type's checks of new settings, after {@link CampaignChecks#checked}; returns what is stored. */
    protected abstract S validated(S settings);

    /**
     * The campaign's Prolific study link (path and query, to put after the server's address): it carries the
     * campaign's key, without which the link lets nobody in, and Prolific's placeholders for the participant.
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public String studyLink(long campaignId) {
        return entry.studyLink(studyCampaigns, campaignId);
    }

    /** All campaigns of this task type, newest first. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<C> campaigns() {
        return campaigns.findAll();
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public C campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> rules.error().apply("There is no " + noun + " " + id + "."));
    }

    /** The registered model snapshots a pool can draw from. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<ModelSnapshot> snapshots() {
        return models.snapshots();
    }

    /** Creates a campaign; the pool's names are taken from the model registry. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public C create(S settings) {
        return campaigns.insert(validated(settings), users.currentUser().username());
    }

    /** Saves new settings unless someone else saved the campaign since {@code campaign} was read. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public C update(C campaign, S settings) {
        if (!campaigns.update(campaign.id(), campaign.version(), validated(settings))) {
            throw rules.error()
                    .apply("Campaign '" + campaign.name()
                            + "' was changed by someone else meanwhile; reload and try again.");
        }
        return campaign(campaign.id());
    }

    /** Opens or closes a campaign for workers. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public C setOpen(C campaign, boolean open) {
        return update(campaign, campaign.settings().withOpen(open));
    }
}
