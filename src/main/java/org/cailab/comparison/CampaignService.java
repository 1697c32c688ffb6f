package org.cailab.comparison;

import java.util.List;
import org.cailab.crowdwork.CampaignBasics;
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

/** Researchers and admins set up comparison campaigns: settings, model pool, gold items, open and closed. */
@Service
@Transactional
public class CampaignService {

    /** Comparisons draw pairs: at least two snapshots; the quota counts votes. */
    private static final CampaignRules RULES =
            new CampaignRules(2, "vote", TurnText::printable, ComparisonException::new);

    private final CampaignRepository campaigns;
    private final ModelService models;
    private final UserService users;
    private final StudyLinkEntry entry;
    private final CampaignChecks checks;
    private final ComparisonStudyCampaigns studyCampaigns;

    CampaignService(
            CampaignRepository campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            CampaignChecks checks,
            ComparisonStudyCampaigns studyCampaigns) {
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

    /** All campaigns, newest first. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<Campaign> campaigns() {
        return campaigns.findAll();
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public Campaign campaign(long id) {
        return campaigns.findById(id).orElseThrow(() -> new ComparisonException("There is no campaign " + id + "."));
    }

    /** The registered model snapshots a pool can draw from. */
    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<ModelSnapshot> snapshots() {
        return models.snapshots();
    }

    /** Creates a campaign; the pool's names are taken from the model registry. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public Campaign create(CampaignSettings settings) {
        return campaigns.insert(validated(settings), users.currentUser().username());
    }

    /** Saves new settings unless someone else saved the campaign since {@code campaign} was read. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public Campaign update(Campaign campaign, CampaignSettings settings) {
        if (!campaigns.update(campaign.id(), campaign.version(), validated(settings))) {
            throw new ComparisonException(
                    "Campaign '" + campaign.name() + "' was changed by someone else meanwhile; reload and try again.");
        }
        return campaign(campaign.id());
    }

    /** Opens or closes a campaign for workers. */
    @PreAuthorize("hasRole('RESEARCHER')")
    public Campaign setOpen(Campaign campaign, boolean open) {
        return update(campaign, campaign.settings().withOpen(open));
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    @Transactional(readOnly = true)
    public List<GoldItem> goldItems(long campaignId) {
        campaign(campaignId);
        return campaigns.goldItems(campaignId);
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    public GoldItem addGoldItem(long campaignId, NewGoldItem item) {
        campaign(campaignId);
        String prompt = required(item.prompt(), "The gold item's message");
        String better = required(item.betterAnswer(), "The better answer");
        String worse = required(item.worseAnswer(), "The worse answer");
        if (better.equals(worse)) {
            throw new ComparisonException("The better and the worse answer must differ.");
        }
        return campaigns.insertGoldItem(campaignId, new NewGoldItem(prompt, better, worse));
    }

    @PreAuthorize("hasRole('RESEARCHER')")
    public void removeGoldItem(long campaignId, long goldItemId) {
        if (!campaigns.deleteGoldItem(campaignId, goldItemId)) {
            throw new ComparisonException("That gold item no longer exists.");
        }
    }

    private CampaignSettings validated(CampaignSettings s) {
        CampaignBasics basics = checks.checked(s.basics(), RULES);
        CampaignSettings.Rules r = s.rules();
        if (r.strengthLevels() != null && (r.strengthLevels() < 2 || r.strengthLevels() > 9)) {
            throw new ComparisonException("A strength scale has 2 to 9 levels.");
        }
        if (!(r.goldRate() >= 0 && r.goldRate() <= 1)) {
            throw new ComparisonException("The gold rate must be between 0 and 1.");
        }
        return new CampaignSettings(basics, r);
    }

    private String required(String text, String what) {
        return checks.required(text, what, RULES);
    }
}
