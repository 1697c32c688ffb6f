package org.cailab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * What every study-link entry ({@code /p/...}) does around its own checks: limits entries per client address,
 * refuses to replace the session of a signed-in researcher, admin or password worker (a link is a GET: following
 * it must not swap someone's session, a login CSRF), signs the participant in, and answers with a small fixed page
 * when the link does not let anyone in ("this study is closed", "not valid"). Pages never echo the parameters.
 */
@Component
public class StudyLinkGate {

    private final ParticipantSignIn participants;
    private final AttemptCounter perAddress;

    StudyLinkGate(
            ParticipantSignIn participants,
            @Value("${cailab.security.study-link-entries-per-address:30}") int entriesPerAddress,
            @Value("${cailab.security.study-link-window:10m}") Duration window) {
        this.participants = participants;
        this.perAddress = new AttemptCounter(entriesPerAddress, window, Clock.systemUTC());
    }

    /**
     * Who enters where: the participant's user name, the campaign (its feature, "comparison" or "redteam", and id)
     * and the page to send them to.
     */
    public record Entered(String username, String kind, long campaignId, String target) {}

    /**
     * Runs an entry: {@code enter} parses and checks the link against the campaign (or throws {@link
     * StudyLinkRefusedException}, or another exception whose message is shown as "not valid").
     */
    public ResponseEntity<String> enter(
            Supplier<Entered> enter, HttpServletRequest request, HttpServletResponse response) {
        if (!perAddress.tryAcquire(request.getRemoteAddr())) {
            return page(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Please wait a few minutes",
                    "Too many study links were opened from your network address. Please wait a few minutes and "
                            + "open your study link again.");
        }
        Optional<String> other = participants.otherAccountSignedIn();
        if (other.isPresent()) {
            return page(
                    HttpStatus.CONFLICT,
                    "You are signed in",
                    "You are signed in as " + other.get() + ". A study link signs in a study participant and would "
                            + "end your session, so it was not followed. Sign out first, or open the link in a "
                            + "private window.");
        }
        Entered entered;
        try {
            entered = enter.get();
        } catch (StudyLinkRefusedException e) {
            return switch (e.reason()) {
                case CLOSED -> page(HttpStatus.GONE, "This study is closed", e.getMessage());
                case OTHER_SESSION -> page(HttpStatus.FORBIDDEN, "Please continue from Prolific", e.getMessage());
                case INVALID -> page(HttpStatus.NOT_FOUND, "This study link is not valid", e.getMessage());
            };
        } catch (RuntimeException e) {
            if (e instanceof org.springframework.security.access.AccessDeniedException) {
                throw e;
            }
            return page(HttpStatus.BAD_REQUEST, "This study link is not valid", e.getMessage());
        }
        participants.signIn(entered.username(), entered.kind(), entered.campaignId(), request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.getContextPath() + entered.target()))
                .build();
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String message) {
        String html =
                """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <meta name="viewport" content="width=device-width, initial-scale=1"></head>
                <body style="font-family: sans-serif; max-width: 40em; margin: 4em auto;">
                <h1>%s</h1>
                <p id="study-link-message">%s</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(message));
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }
}
