package org.cailab.crowdwork;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@link CrowdworkProperties} by hand rather than with {@code @ConfigurationProperties}, because the settings
 * used to be the comparison feature's ({@code cailab.comparison.*}) and deployments that still set those keys must
 * keep working: a {@code cailab.crowdwork.*} key wins, the old key is the fallback and logs a deprecation warning.
 */
@Configuration(proxyBeanMethods = false)
class CrowdworkConfiguration {

    static final String PREFIX = "cailab.crowdwork.";
    static final String DEPRECATED_PREFIX = "cailab.comparison.";
    private static final Logger log = LoggerFactory.getLogger(CrowdworkConfiguration.class);

    @Bean
    CrowdworkProperties crowdworkProperties(Environment environment) {
        return bind(environment);
    }

    static CrowdworkProperties bind(Environment environment) {
        Binder binder = Binder.get(environment);
        return new CrowdworkProperties(
                setting(environment, binder, "max-new-tokens", Integer.class).orElse(0),
                setting(environment, binder, "generation-timeout", Duration.class)
                        .orElse(null),
                setting(environment, binder, "stream-interval", Duration.class).orElse(null));
    }

    private static <T> Optional<T> setting(Environment environment, Binder binder, String name, Class<T> type) {
        if (environment.containsProperty(DEPRECATED_PREFIX + name)) {
            log.warn("{}{} is deprecated and will be removed; set {}{} instead", DEPRECATED_PREFIX, name, PREFIX, name);
        }
        BindResult<T> current = binder.bind(PREFIX + name, type);
        if (current.isBound()) {
            return Optional.of(current.get());
        }
        BindResult<T> deprecated = binder.bind(DEPRECATED_PREFIX + name, type);
        return deprecated.isBound() ? Optional.of(deprecated.get()) : Optional.empty();
    }
}
