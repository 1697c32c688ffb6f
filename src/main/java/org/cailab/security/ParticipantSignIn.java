package org.cailab.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in a study participant who arrived by a checked study link (Prolific), without a password: the caller has
 * already made sure the account is an enabled worker account of that participant and that the link carries the
 * campaign's token. The session may then open only the campaigns entered by a link in it ({@link StudyAccess}). The
 * session gets a new id, so whoever held it before does not keep it (session fixation). A session of anyone else
 * (a researcher, an admin, a worker with a password) is never replaced by a link: see {@link #otherAccountSignedIn}.
 */
@Component
public class ParticipantSignIn {

    private final UserDetailsService userDetails;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    ParticipantSignIn(UserDetailsService userDetails) {
        this.userDetails = userDetails;
    }

    /**
     * The name of the account signed in on this request's session when it is not a study participant's: a GET
     * link must not silently swap such a session for a participant's (login CSRF), so the entry refuses then.
     */
    public Optional<String> otherAccountSignedIn() {
        Authentication current = currentAuthentication();
        return current == null || StudyAccess.isParticipant(current)
                ? Optional.empty()
                : Optional.of(current.getName());
    }

    /** Signs the participant in for the campaign, keeping the campaigns they entered earlier in this session. */
    public void signIn(
            String username, String kind, long campaignId, HttpServletRequest request, HttpServletResponse response) {
        if (otherAccountSignedIn().isPresent()) {
            throw new IllegalStateException("Another account is signed in on this session");
        }
        UserDetails user = userDetails.loadUserByUsername(username);
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(StudyAccess.PARTICIPANT));
        Authentication current = currentAuthentication();
        if (current != null && current.getName().equals(user.getUsername())) {
            current.getAuthorities().stream()
                    .filter(a -> a.getAuthority().startsWith("STUDY_"))
                    .forEach(authorities::add);
        }
        authorities.add(new SimpleGrantedAuthority(StudyAccess.campaignAuthority(kind, campaignId)));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
        holder.setContext(context);
        contextRepository.saveContext(context, request, response);
    }

    private static Authentication currentAuthentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated() ? null : auth;
    }
}
