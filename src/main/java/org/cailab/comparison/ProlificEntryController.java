package org.cailab.comparison;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cailab.security.StudyLinkGate;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The entry of a Prolific study link: checks the link ({@link ProlificEntry}) and lets {@link StudyLinkGate} sign
 * the participant in (a new session id, limited to the campaigns entered by a link) and send them to the campaign.
 * A plain Spring MVC endpoint rather than a view, so that the sign-in happens in an ordinary request before any
 * page is built. Refusals are small fixed pages that never echo the parameters.
 */
@Controller
class ProlificEntryController {

    private final ProlificEntry entry;
    private final StudyLinkGate gate;

    ProlificEntryController(ProlificEntry entry, StudyLinkGate gate) {
        this.entry = entry;
        this.gate = gate;
    }

    @GetMapping("/p/{campaignId}")
    ResponseEntity<String> enter(@PathVariable String campaignId,
                                 @RequestParam(name = "key", required = false) @Nullable String key,
                                 @RequestParam(name = "PROLIFIC_PID", required = false) @Nullable String prolificPid,
                                 @RequestParam(name = "STUDY_ID", required = false) @Nullable String studyId,
                                 @RequestParam(name = "SESSION_ID", required = false) @Nullable String sessionId,
                                 HttpServletRequest request, HttpServletResponse response) {
        return gate.enter(() -> {
            ProlificLink link = ProlificLink.parse(campaignId, key, prolificPid, studyId, sessionId);
            return new StudyLinkGate.Entered(entry.enter(link), ProlificEntry.KIND, link.campaignId(),
                    "/compare/" + link.campaignId());
        }, request, response);
    }
}
