package org.cailab.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import java.time.Duration;
import org.cailab.security.ui.LoginView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Form login against the database users, Vaadin's view access checks, and method security for services.
 * The health endpoint is public (details only for admins, see application.properties); the other actuator
 * endpoints need the admin role. The REST endpoints under {@code /api/} have their own chain (session or API key,
 * see {@code org.cailab.security.ApiSecurityConfiguration}): Vaadin's configurer denies every request it does not
 * know.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers("/actuator/**")
                .hasRole(Role.ADMIN_ROLE)
                .requestMatchers("/app/**", "/webjars/**")
                .permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    /** Security headers on every response (see {@link SecurityHeaders}). */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders() {
        FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(new SecurityHeaders());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
        return registration;
    }

    /** Ends sessions of changed accounts before Spring Security reads them (see {@link SessionFreshnessFilter}). */
    @Bean
    FilterRegistrationBean<SessionFreshnessFilter> sessionFreshnessFilter(UserRepository users) {
        FilterRegistrationBean<SessionFreshnessFilter> registration =
                new FilterRegistrationBean<>(new SessionFreshnessFilter(users));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    /** The password login, with failed attempts limited per account and per address (see the README's security section). */
    @Bean
    AuthenticationProvider authenticationProvider(
            UserDetailsService users,
            PasswordEncoder passwordEncoder,
            @Value("${cailab.security.login-failures-per-account:5}") int perAccount,
            @Value("${cailab.security.login-failures-per-address:50}") int perAddress,
            @Value("${cailab.security.login-lock:15m}") Duration lock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        return new ThrottledAuthenticationProvider(
                passwords,
                new AttemptCounter(perAccount, lock, Clock.systemUTC()),
                new AttemptCounter(perAddress, lock, Clock.systemUTC()));
    }

    /** Bcrypt by default, with the algorithm id stored in the hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
