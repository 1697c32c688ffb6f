package org.cailab.security;

import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password login, slowed down against guessing: after {@code perAccount} failed attempts for one user name, or
 * {@code perAddress} from one client address, further attempts are refused without checking the password until the
 * window ends. A refused attempt fails exactly like a wrong password (same exception, same page), and names that
 * do not exist are counted like names that do, so the answer never reveals whether an account exists or is locked.
 * A successful sign-in clears its account's count.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final AttemptCounter accounts;
    private final AttemptCounter addresses;

    ThrottledAuthenticationProvider(
            AuthenticationProvider passwords, AttemptCounter accounts, AttemptCounter addresses) {
        this.passwords = passwords;
        this.accounts = accounts;
        this.addresses = addresses;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String account = authentication.getName() == null
                ? ""
                : authentication.getName().strip().toLowerCase(Locale.ROOT);
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                        ? web.getRemoteAddress()
                        : "unknown";
        if (accounts.isBlocked(account) || addresses.isBlocked(address)) {
            throw new BadCredentialsException("Bad credentials");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            accounts.reset(account);
            return result;
        } catch (BadCredentialsException e) {
            accounts.record(account);
            addresses.record(address);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
