package org.cailab.crowdwork;

import java.util.Optional;
import org.cailab.security.StudyCampaigns;
import org.cailab.security.StudyParticipations;

/**
 * A task type's campaigns as study-link targets, from its campaign repository: a task type declares one bean that
 * extends this with its kind, link segment and page.
 */
public abstract class CampaignStudyLinks implements StudyCampaigns {

    private final String kind;
    private final String linkSegment;
    private final String pagePrefix;
    private final CampaignParticipations campaigns;

    /**
     * @param kind        the task type's name in study-link keys and session authorities
     * @param linkSegment links {@code /p/{segment}/{campaignId}}, or {@code /p/{campaignId}} when empty
     * @param pagePrefix  the worker page's route before the campaign id, for example {@code /compare/}
     */
    protected CampaignStudyLinks(String kind, String linkSegment, String pagePrefix, CampaignParticipations campaigns) {
        this.kind = kind;
        this.linkSegment = linkSegment;
        this.pagePrefix = pagePrefix;
        this.campaigns = campaigns;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String linkSegment() {
        return linkSegment;
    }

    @Override
    public String pageRoute(long campaignId) {
        return pagePrefix + campaignId;
    }

    @Override
    public Optional<Boolean> isOpen(long campaignId) {
        return campaigns.isOpen(campaignId);
    }

    @Override
    public StudyParticipations<?> participations() {
        return campaigns;
    }
}
