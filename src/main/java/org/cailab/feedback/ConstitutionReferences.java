package org.cailab.feedback;

import org.cailab.constitution.ConstitutionContent;
import org.cailab.constitution.ConstitutionEditException;
import org.cailab.constitution.ConstitutionService;
import org.cailab.constitution.ConstitutionSummary;
import org.cailab.constitution.ConstitutionVersionView;
import org.cailab.pipeline.RunException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the constitution version a run names (a version id, {@code name vN}, a constitution name for its active
 * version, or nothing for the active version of {@code default}), as SL-CAI runs do. Versions never change, so
 * their content is cached by id for the workers.
 */
@Component
class ConstitutionReferences {

    static final String DEFAULT_CONSTITUTION = "default";
    private static final Pattern NAMED_VERSION = Pattern.compile("(.+?)\\s+v(\\d+)");

    private final ConstitutionService constitutions;
    private final Map<Long, ConstitutionContent> contents = new ConcurrentHashMap<>();

    ConstitutionReferences(ConstitutionService constitutions) {
        this.constitutions = constitutions;
    }

    ConstitutionVersionView resolve(@Nullable String reference) {
        String ref = reference == null ? DEFAULT_CONSTITUTION : reference.strip();
        try {
            if (ref.chars().allMatch(Character::isDigit)) {
                return constitutions.version(Long.parseLong(ref));
            }
            Matcher named = NAMED_VERSION.matcher(ref);
            if (named.matches()) {
                ConstitutionSummary constitution = named(named.group(1));
                int number = Integer.parseInt(named.group(2));
                return constitutions.versions(constitution.id()).stream().filter(v -> v.number() == number)
                        .findFirst().map(v -> constitutions.version(v.id()))
                        .orElseThrow(() -> new RunException("Constitution \"" + constitution.name()
                                + "\" has no version " + number + "."));
            }
            ConstitutionSummary constitution = named(ref);
            return constitutions.activeVersion(constitution.id()).orElseThrow(() -> new RunException(
                    "Constitution \"" + constitution.name() + "\" has no active version; name a version."));
        } catch (ConstitutionEditException e) {
            throw new RunException(e.getMessage());
        }
    }

    /** The content of a version by id (cached). */
    ConstitutionContent content(long versionId) {
        return contents.computeIfAbsent(versionId, v -> constitutions.version(v).content());
    }

    private ConstitutionSummary named(String name) {
        return constitutions.constitutions().stream().filter(c -> c.name().equalsIgnoreCase(name.strip()))
                .findFirst().orElseThrow(() -> new RunException("There is no constitution \"" + name.strip()
                        + "\" (give a constitution name, \"name vN\" or a version id)."));
    }
}
