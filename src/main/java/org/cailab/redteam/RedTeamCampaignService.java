package org.cailab.redteam;

import java.util.List;
import org.cailab.crowdwork.CampaignChecks;
import org.cailab.crowdwork.CampaignRules;
import org.cailab.dialogue.TurnText;
import org.cailab.model.ModelService;
import org.cailab.model.ModelSnapshot;
import org.cailab.security.StudyLinkEntry;
import org.cailab.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Researchers and admins set up red-team campaigns: instructions, model pool, turn limit, quota, open and closed. */
@Service
@Transactional
public class RedTeamCampaignService {

    /** Each attempt talks with one snapshot: at least one in the pool; the quota counts rated attempts. */
    private static final CampaignRules RULES =
            new CampaignRules(1, "attempt", TurnText::printable, RedTeamException::new);

    private final RedTeamCampaignRepository campaigns;
    private final ModelService models;
    private final UserService users;
    private final StudyLinkEntry entry;
    private final CampaignChecks checks;
    private final RedTeamStudyCampaigns studyCampaigns;

    RedTeamCampaignService(
            RedTeamCampaignRepository campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            CampaignChecks checks,
            RedTeamStudyCampaigns studyCampaigns) {
        this.campaigns = campaigns;
        this.models = models;
        this.users = users;
        this.entry = entry;
        this.checks = checks;
        this.studyCampaigns = studyCampaigns;
    }

    /**
     * The campaign's Prolific study link (path and query, to put after the server's address): it carries the
     * campaign's key, without which the link lets nobody in, and Prolific's placeholders for the participant.
     */
    @PreAuthorize("hasRole('RESEARCHER')")
    public String studyLink(long campaignId) {
        return entry.studyLink(studyCampaigns, campaignId);
    }

    /** All red-team campaigns, newest first. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<RedTeamCampaign> campaigns() {
        return campaigns.findAll();
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public RedTeamCampaign campaign(long id) {
        return campaigns
                .findById(id)
                .orElseThrow(() -> new RedTeamException("There is no red-team campaign " + id + "."));
    }

    /** The registered model snapshots a pool can draw from. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<ModelSnapshot> snapshots() {
        return models.snapshots();
    }

    /** Creates a campaign; the pool's names are taken from the model registry. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public RedTeamCampaign create(RedTeamCampaignSettings settings) {
        return campaigns.insert(validated(settings), users.currentUser().username());
    }

    /** Saves new settings unless someone else saved the campaign since {@code campaign} was read. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public RedTeamCampaign update(RedTeamCampaign campaign, RedTeamCampaignSettings settings) {
        if (!campaigns.update(campaign.id(), campaign.version(), validated(settings))) {
            throw new RedTeamException(
                    "Campaign '" + campaign.name() + "' was changed by someone else meanwhile; reload and try again.");
        }
        return campaign(campaign.id());
    }

    /** Opens or closes a campaign for workers. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public RedTeamCampaign setOpen(RedTeamCampaign campaign, boolean open) {
        return update(campaign, campaign.settings().withOpen(open));
    }

    private RedTeamCampaignSettings validated(RedTeamCampaignSettings s) {
        return new RedTeamCampaignSettings(checks.checked(s.basics(), RULES), s.askTaskHarm());
    }
}
