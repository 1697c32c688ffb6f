package org.cailab.comparison;

import java.util.List;
import org.cailab.crowdwork.CampaignBasics;
import org.cailab.crowdwork.CampaignChecks;
import org.cailab.crowdwork.CampaignRules;
import org.cailab.crowdwork.TaskCampaignService;
import org.cailab.dialogue.TurnText;
import org.cailab.model.ModelService;
import org.cailab.security.StudyLinkEntry;
import org.cailab.security.UserService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Researchers and admins set up comparison campaigns: settings, model pool, gold items, open and closed. */
@Service
@Transactional
public class CampaignService extends TaskCampaignService<Campaign, CampaignSettings> {

    /** Comparisons draw pairs: at least two snapshots; the quota counts votes. */
    private static final CampaignRules RULES =
            new CampaignRules(2, "vote", TurnText::printable, ComparisonException::new);

    private final CampaignRepository campaigns;

    CampaignService(
            CampaignRepository campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            CampaignChecks checks,
            ComparisonStudyCampaigns studyCampaigns) {
        super(campaigns, models, users, entry, checks, studyCampaigns, RULES, "campaign");
        this.campaigns = campaigns;
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

    @Override
    protected CampaignSettings validated(CampaignSettings s) {
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
