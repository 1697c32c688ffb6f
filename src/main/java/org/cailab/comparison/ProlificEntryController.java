package org.cailab.comparison;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * The entry of a Prolific study link: signs the participant in as the worker of that Prolific id (a new session
 * id, the authentication saved in the HTTP session as a form login would) and sends them to the campaign. A plain
 * Spring MVC endpoint rather than a view, so that the sign-in happens in an ordinary request before any page is
 * built. Errors are plain text, never HTML built from the parameters.
 */
@Controller
class ProlificEntryController {

    private final ProlificEntry entry;
    private final ParticipantSignIn participants;

    ProlificEntryController(ProlificEntry entry, ParticipantSignIn participants) {
        this.entry = entry;
        this.participants = participants;
    }

    @GetMapping("/p/{campaignId}")
    ResponseEntity<String> enter(@PathVariable String campaignId,
                                 @RequestParam(name = "PROLIFIC_PID", required = false) @Nullable String prolificPid,
                                 @RequestParam(name = "STUDY_ID", required = false) @Nullable String studyId,
                                 @RequestParam(name = "SESSION_ID", required = false) @Nullable String sessionId,
                                 HttpServletRequest request, HttpServletResponse response) {
        String username;
        try {
            ProlificLink link = ProlificLink.parse(campaignId, prolificPid, studyId, sessionId);
            username = entry.enter(link);
        } catch (ComparisonException | UserValidationException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN)
                    .body(e.getMessage() + "\n");
        }
        participants.signIn(username, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + "/compare/" + Long.parseLong(campaignId)))
                .build();
    }

}
