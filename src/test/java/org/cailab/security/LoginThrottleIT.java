package org.cailab.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cailab.support.AsUser.asAdmin;

import java.time.Duration;
import java.util.UUID;
import org.cailab.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password login against real accounts in PostgreSQL: locked after failed attempts per account and per
 * address, with the same answer as a wrong password, and open again when the lock ends (a hand-moved clock).
 */
class LoginThrottleIT extends IntegrationTest {

    @Autowired
    AuthenticationProvider login;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    UserService users;

    @Test
    void theApplicationsLoginLocksAnAccountAfterFiveFailuresWithTheAnswerOfAWrongPassword() {
        String name = newUser();
        for (int i = 0; i < 5; i++) {
            String address = "10.1.0." + (i + 1);
            assertThatThrownBy(() -> login.authenticate(attempt(name, "wrong-password", address)))
                    .isInstanceOf(BadCredentialsException.class);
        }
        Throwable locked = org.assertj.core.api.Assertions.catchThrowable(
                () -> login.authenticate(attempt(name, "right-password", "10.1.1.1")));
        Throwable unknown = org.assertj.core.api.Assertions.catchThrowable(
                () -> login.authenticate(attempt("nobody-" + name, "right-password", "10.1.1.2")));
        assertThat(locked).isInstanceOf(BadCredentialsException.class);
        assertThat(locked.getClass()).isEqualTo(unknown.getClass());
        assertThat(locked.getMessage()).isEqualTo(unknown.getMessage());
    }

    @Test
    void theRightPasswordWorksAgainOnceTheLockHasExpired() {
        String name = newUser();
        AttemptCounterTest.HandClock clock = new AttemptCounterTest.HandClock();
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        ThrottledAuthenticationProvider throttled = new ThrottledAuthenticationProvider(
                passwords,
                new AttemptCounter(3, Duration.ofMinutes(15), clock),
                new AttemptCounter(100, Duration.ofMinutes(15), clock));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> throttled.authenticate(attempt(name, "wrong-password", "10.2.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> throttled.authenticate(attempt(name, "right-password", "10.2.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttled
                        .authenticate(attempt(name, "right-password", "10.2.0.1"))
                        .isAuthenticated())
                .isTrue();
    }

    @Test
    void oneAddressIsLockedAfterManyFailuresAcrossAccounts() {
        AttemptCounterTest.HandClock clock = new AttemptCounterTest.HandClock();
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(passwordEncoder);
        ThrottledAuthenticationProvider throttled = new ThrottledAuthenticationProvider(
                passwords,
                new AttemptCounter(5, Duration.ofMinutes(15), clock),
                new AttemptCounter(4, Duration.ofMinutes(15), clock));
        for (int i = 0; i < 4; i++) {
            String guessed = "guess-" + i;
            assertThatThrownBy(() -> throttled.authenticate(attempt(guessed, "wrong-password", "10.3.0.1")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        String name = newUser();
        assertThatThrownBy(() -> throttled.authenticate(attempt(name, "right-password", "10.3.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(throttled
                        .authenticate(attempt(name, "right-password", "10.3.0.2"))
                        .isAuthenticated())
                .isTrue();
    }

    private String newUser() {
        String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        asAdmin(() -> users.create(new NewUser(name, "right-password", Role.RESEARCHER)));
        return name;
    }

    private static Authentication attempt(String name, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }
}
