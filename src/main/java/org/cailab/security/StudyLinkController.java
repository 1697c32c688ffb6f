package org.cailab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one entry of Prolific study links, for every kind of campaign: {@code /p/{campaignId}} (comparisons) and
 * {@code /p/{segment}/{campaignId}} (for example {@code /p/redteam/12}). Checks the parameters ({@link StudyLink}),
 * the campaign ({@link StudyLinkEntry}), and lets {@link StudyLinkGate} sign the participant in (a new session id,
 * limited to the campaigns entered by a link) and send them to the campaign. A plain Spring MVC endpoint rather
 * than a view, so that the sign-in happens in an ordinary request before any page is built. Refusals are small
 * fixed pages that never echo the parameters. {@link StudyLinkSecurityConfiguration} lets anonymous participants
 * reach it.
 */
@Controller
class StudyLinkController {

    private final StudyLinkEntry entry;
    private final StudyLinkGate gate;

    StudyLinkController(StudyLinkEntry entry, StudyLinkGate gate) {
        this.entry = entry;
        this.gate = gate;
    }

    @GetMapping("/p/{campaignId}")
    ResponseEntity<String> enter(
            @PathVariable String campaignId,
            @RequestParam(name = "key", required = false) @Nullable String key,
            @RequestParam(name = "PROLIFIC_PID", required = false) @Nullable String prolificPid,
            @RequestParam(name = "STUDY_ID", required = false) @Nullable String studyId,
            @RequestParam(name = "SESSION_ID", required = false) @Nullable String sessionId,
            HttpServletRequest request,
            HttpServletResponse response) {
        return enter("", campaignId, key, prolificPid, studyId, sessionId, request, response);
    }

    @GetMapping("/p/{segment}/{campaignId}")
    ResponseEntity<String> enter(
            @PathVariable String segment,
            @PathVariable String campaignId,
            @RequestParam(name = "key", required = false) @Nullable String key,
            @RequestParam(name = "PROLIFIC_PID", required = false) @Nullable String prolificPid,
            @RequestParam(name = "STUDY_ID", required = false) @Nullable String studyId,
            @RequestParam(name = "SESSION_ID", required = false) @Nullable String sessionId,
            HttpServletRequest request,
            HttpServletResponse response) {
        return gate.enter(
                () -> {
                    StudyCampaigns kind = entry.bySegment(segment)
                            .orElseThrow(() -> new StudyLinkRefusedException(
                                    StudyLinkRefusedException.Reason.INVALID,
                                    "This study link is not valid: no such kind of study."));
                    StudyLink link = StudyLink.parse(campaignId, key, prolificPid, studyId, sessionId);
                    return new StudyLinkGate.Entered(
                            entry.enter(kind, link), kind.kind(), link.campaignId(), kind.pageRoute(link.campaignId()));
                },
                request,
                response);
    }
}
