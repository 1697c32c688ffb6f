package org.cailab.constitution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * On the first start (no constitution stored) saves the shipped {@code constitution/default.yaml} as version 1
 * of the active constitution {@code default}, so that a fresh installation can run the pipeline at once.
 */
@Component
class DefaultConstitutionLoader implements ApplicationRunner {

    static final String NAME = "default";
    static final String RESOURCE = "constitution/default.yaml";
    private static final Logger log = LoggerFactory.getLogger(DefaultConstitutionLoader.class);

    private final ConstitutionService service;

    DefaultConstitutionLoader(ConstitutionService service) {
        this.service = service;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (service.hasConstitutions()) {
            return;
        }
        ConstitutionContent content = new ConstitutionImporter()
                .importText(RESOURCE, read(), ConstitutionFormat.CAILAB_YAML)
                .content();
        service.createIfAbsent(NAME, content, "Default constitution shipped with Constitutional AI Lab")
                .ifPresent(version -> log.info(
                        "Loaded the default constitution ({} SL and {} RL principles) as {}.",
                        content.slPrinciples().size(),
                        content.rlPrinciples().size(),
                        version.ref().label()));
    }

    private static String read() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The default constitution " + RESOURCE + " is missing from the classpath", e);
        }
    }
}
