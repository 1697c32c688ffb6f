package org.cailab.redteam;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cailab.comparison.PoolSnapshot;
import org.cailab.comparison.Transcript;
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

    private static final Pattern COMPLETION_CODE = Pattern.compile("[A-Za-z0-9]{4,32}");
    private static final int MAX_TEXT = 20_000;

    private final RedTeamCampaignRepository campaigns;
    private final ModelService models;
    private final UserService users;
    private final StudyLinkEntry entry;
    private final RedTeamStudyCampaigns studyCampaigns;

    RedTeamCampaignService(
            RedTeamCampaignRepository campaigns,
            ModelService models,
            UserService users,
            StudyLinkEntry entry,
            RedTeamStudyCampaigns studyCampaigns) {
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
        String name = required(s.name(), "The name");
        if (name.length() > 200) {
            throw new RedTeamException("The name can be at most 200 characters long.");
        }
        String instructions = required(s.instructions(), "The instructions");
        Set<Long> seen = new HashSet<>();
        List<PoolSnapshot> pool = s.pool().stream()
                .filter(p -> seen.add(p.snapshotId()))
                .map(p -> new PoolSnapshot(
                        p.snapshotId(),
                        models.snapshot(p.snapshotId())
                                .orElseThrow(() ->
                                        new RedTeamException("There is no model snapshot " + p.snapshotId() + "."))
                                .name(),
                        p.weight()))
                .toList();
        if (pool.isEmpty()) {
            throw new RedTeamException("Choose at least one model snapshot for the pool.");
        }
        if (s.turnLimit() < 1 || s.turnLimit() > 50) {
            throw new RedTeamException("The turn limit must be between 1 and 50.");
        }
        if (s.quotaPerWorker() != null && s.quotaPerWorker() < 1) {
            throw new RedTeamException("A quota must be at least 1 attempt.");
        }
        String code = s.completionCode() == null ? "" : s.completionCode().strip();
        if (!COMPLETION_CODE.matcher(code).matches()) {
            throw new RedTeamException("The completion code must be 4 to 32 letters or digits.");
        }
        return new RedTeamCampaignSettings(
                name, instructions, pool, s.turnLimit(), s.quotaPerWorker(), s.askTaskHarm(), s.open(), code);
    }

    private static String required(String text, String what) {
        String stripped = text == null ? "" : Transcript.printable(text).strip();
        if (stripped.isEmpty()) {
            throw new RedTeamException(what + " must not be empty.");
        }
        if (stripped.length() > MAX_TEXT) {
            throw new RedTeamException(what + " can be at most " + MAX_TEXT + " characters long.");
        }
        return stripped;
    }
}
