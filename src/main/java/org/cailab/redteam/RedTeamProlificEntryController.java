package org.cailab.redteam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cailab.comparison.ProlificLink;
import org.cailab.security.StudyLinkGate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The entry of a red-team Prolific study link,
 * {@code /p/redteam/{campaignId}?key=..&PROLIFIC_PID=..&STUDY_ID=..&SESSION_ID=..}: as for comparison studies, the
 * parameters are checked strictly by {@link ProlificLink}, the campaign's key and state by {@link
 * RedTeamProlificEntry}, and {@link StudyLinkGate} signs the participant in and sends them to the campaign. The
 * comparison feature's filter chain for {@code /p/**} lets anonymous participants reach this endpoint.
 */
@Controller
class RedTeamProlificEntryController {

    private final RedTeamProlificEntry entry;
    private final StudyLinkGate gate;

    RedTeamProlificEntryController(RedTeamProlificEntry entry, StudyLinkGate gate) {
        this.entry = entry;
        this.gate = gate;
    }

    @GetMapping("/p/redteam/{campaignId}")
    ResponseEntity<String> enter(@PathVariable String campaignId,
                                 @RequestParam(name = "key", required = false) @Nullable String key,
                                 @RequestParam(name = "PROLIFIC_PID", required = false) @Nullable String prolificPid,
                                 @RequestParam(name = "STUDY_ID", required = false) @Nullable String studyId,
                                 @RequestParam(name = "SESSION_ID", required = false) @Nullable String sessionId,
                                 HttpServletRequest request, HttpServletResponse response) {
        return gate.enter(() -> {
            ProlificLink link = ProlificLink.parse(campaignId, key, prolificPid, studyId, sessionId);
            return new StudyLinkGate.Entered(entry.enter(link), RedTeamProlificEntry.KIND, link.campaignId(),
                    "/redteam/" + link.campaignId());
        }, request, response);
    }
}
