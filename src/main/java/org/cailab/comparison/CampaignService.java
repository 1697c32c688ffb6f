package org.cailab.comparison;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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

    private static final Pattern COMPLETION_CODE = Pattern.compile("[A-Za-z0-9]{4,32}");
    private static final int MAX_TEXT = 20_000;

    private final CampaignRepository campaigns;
    private final ModelService models;
    private final UserService users;
    private final StudyLinkEntry entry;
    private final ComparisonStudyCampaigns studyCampaigns;

    CampaignService(
            CampaignRepository campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            ComparisonStudyCampaigns studyCampaigns) {
        this.campaigns = campaigns;
        this.models = models;
        this.users = users;
        this.entry = entry;
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
        String name = required(s.name(), "The name");
        if (name.length() > 200) {
            throw new ComparisonException("The name can be at most 200 characters long.");
        }
        String instructions = required(s.instructions(), "The instructions");
        Set<Long> seen = new HashSet<>();
        List<PoolSnapshot> pool = s.pool().stream()
                .filter(p -> seen.add(p.snapshotId()))
                .map(p -> new PoolSnapshot(
                        p.snapshotId(),
                        models.snapshot(p.snapshotId())
                                .orElseThrow(() ->
                                        new ComparisonException("There is no model snapshot " + p.snapshotId() + "."))
                                .name(),
                        p.weight()))
                .toList();
        if (pool.size() < 2) {
            throw new ComparisonException("Choose at least two model snapshots for the pool.");
        }
        if (s.turnLimit() < 1 || s.turnLimit() > 50) {
            throw new ComparisonException("The turn limit must be between 1 and 50.");
        }
        if (s.strengthLevels() != null && (s.strengthLevels() < 2 || s.strengthLevels() > 9)) {
            throw new ComparisonException("A strength scale has 2 to 9 levels.");
        }
        if (s.quotaPerWorker() != null && s.quotaPerWorker() < 1) {
            throw new ComparisonException("A quota must be at least 1 vote.");
        }
        if (!(s.goldRate() >= 0 && s.goldRate() <= 1)) {
            throw new ComparisonException("The gold rate must be between 0 and 1.");
        }
        String code = s.completionCode() == null ? "" : s.completionCode().strip();
        if (!COMPLETION_CODE.matcher(code).matches()) {
            throw new ComparisonException("The completion code must be 4 to 32 letters or digits.");
        }
        return new CampaignSettings(
                name,
                s.task(),
                instructions,
                pool,
                s.pairDrawing(),
                s.turnLimit(),
                s.allowTie(),
                s.allowBothBad(),
                s.strengthLevels(),
                s.quotaPerWorker(),
                s.goldRate(),
                s.open(),
                code);
    }

    private static String required(String text, String what) {
        String stripped = text == null ? "" : Transcript.printable(text).strip();
        if (stripped.isEmpty()) {
            throw new ComparisonException(what + " must not be empty.");
        }
        if (stripped.length() > MAX_TEXT) {
            throw new ComparisonException(what + " can be at most " + MAX_TEXT + " characters long.");
        }
        return stripped;
    }
}
