package org.cailab.constitution;

import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Tells the format of a constitution file from its name, else from the shape of its content. */
final class FormatDetector {

    private FormatDetector() {}

    static @Nullable ConstitutionFormat byName(String fileName) {
        String name = fileName.replace('\\', '/');
        String base = name.substring(name.lastIndexOf('/') + 1);
        return Arrays.stream(ConstitutionFormat.values())
                .filter(f -> base.equals(f.paperFileName()))
                .findFirst()
                .orElse(base.toLowerCase(Locale.ROOT).matches(".*\\.ya?ml") ? ConstitutionFormat.CAILAB_YAML : null);
    }

    static @Nullable ConstitutionFormat byContent(JsonNode root) {
        if (root.isObject()) {
            if (root.has("format")) {
                return ConstitutionFormat.CAILAB_YAML;
            }
            if (root.has("constitutions")) {
                return ConstitutionFormat.LLM_SWARM;
            }
            JsonNode first = root.values().stream().findFirst().orElse(null);
            return first != null && first.has("edit_request") ? ConstitutionFormat.PAPER_SL_PRINCIPLES : null;
        }
        if (!root.isArray() || root.isEmpty()) {
            return null;
        }
        JsonNode first = root.get(0);
        if (first.isString()) {
            return first.stringValue().startsWith(PromptFormats.HUMAN_MARKER)
                    ? ConstitutionFormat.PAPER_CRITIQUE_EXAMPLES
                    : ConstitutionFormat.PAPER_RL_PRINCIPLES;
        }
        if (first.has("critic")) {
            return ConstitutionFormat.LLM_SWARM;
        }
        if (first.has("corrects")) {
            return ConstitutionFormat.PAPER_MC_EXAMPLES;
        }
        return first.has("prompt") ? ConstitutionFormat.PAPER_COT_EXAMPLES : null;
    }
}
