package org.cailab.redteam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cailab.comparison.ComparisonException;
import org.cailab.comparison.ProlificLink;
import org.cailab.security.ParticipantSignIn;
import org.cailab.security.UserValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;

/**
 * The entry of a red-team Prolific study link, {@code /p/redteam/{campaignId}?PROLIFIC_PID=..&STUDY_ID=..&SESSION_ID=..}:
 * as for comparison studies (decision 0040), the parameters are checked strictly by {@link ProlificLink}, the
 * participant is signed in as the worker of that Prolific id with a new session id, and sent to the campaign. The
 * comparison feature's filter chain for {@code /p/**} lets anonymous participants reach this endpoint. Errors are
 * plain text, never HTML built from the parameters.
 */
@Controller
class RedTeamProlificEntryController {

    private final RedTeamProlificEntry entry;
    private final ParticipantSignIn participants;

    RedTeamProlificEntryController(RedTeamProlificEntry entry, ParticipantSignIn participants) {
        this.entry = entry;
        this.participants = participants;
    }

    @GetMapping("/p/redteam/{campaignId}")
    ResponseEntity<String> enter(@PathVariable String campaignId,
                                 @RequestParam(name = "PROLIFIC_PID", required = false) @Nullable String prolificPid,
                                 @RequestParam(name = "STUDY_ID", required = false) @Nullable String studyId,
                                 @RequestParam(name = "SESSION_ID", required = false) @Nullable String sessionId,
                                 HttpServletRequest request, HttpServletResponse response) {
        String username;
        ProlificLink link;
        try {
            link = ProlificLink.parse(campaignId, prolificPid, studyId, sessionId);
            username = entry.enter(link);
        } catch (ComparisonException | RedTeamException | UserValidationException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                    .body(e.getMessage() + "\n");
        }
        participants.signIn(username, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + "/redteam/" + link.campaignId()))
                .build();
    }

}
