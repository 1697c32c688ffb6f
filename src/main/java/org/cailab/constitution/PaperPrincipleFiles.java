package org.cailab.constitution;

import static org.cailab.constitution.PromptFormats.CRITIQUE;
import static org.cailab.constitution.PromptFormats.CRITIQUE_REQUEST;
import static org.cailab.constitution.PromptFormats.OPTIONS;
import static org.cailab.constitution.PromptFormats.REVISION;
import static org.cailab.constitution.PromptFormats.REVISION_REQUEST;
import static org.cailab.constitution.PromptFormats.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The paper's principle files, {@code CritiqueRevisionInstructions.json} and {@code RLMadisonInstructions.json}.
 * The paper stores framed texts; the domain keeps them bare, and export restores the framing.
 */
final class PaperPrincipleFiles {

    /** The RL file has no keys; principles get these plus their index. */
    static final String RL_KEY_PREFIX = "rl";

    private PaperPrincipleFiles() {}

    static List<SlPrinciple> readSl(ImportContext context, JsonNode root) {
        context.object(root, null, "the file");
        List<SlPrinciple> principles = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            String entry = "entry " + property.getKey();
            JsonNode value = context.object(property.getValue(), entry, "the principle");
            context.onlyFields(value, entry, Set.of("prompt", "edit_request"));
            JsonNode prompts = context.array(context.field(value, entry, "prompt"), entry, "\"prompt\"");
            if (prompts.size() != 1) {
                throw context.fail(entry, "\"prompt\" must hold exactly one critique request, found " + prompts.size());
            }
            String critique = unframe(
                    context,
                    entry,
                    context.string(prompts.get(0), entry, "\"prompt\"[0]"),
                    CRITIQUE_REQUEST,
                    CRITIQUE,
                    "\"prompt\"[0]");
            String revision = unframe(
                    context,
                    entry,
                    context.stringField(value, entry, "edit_request"),
                    REVISION_REQUEST,
                    REVISION,
                    "\"edit_request\"");
            principles.add(context.checked(
                    new SlPrinciple(property.getKey(), critique, revision, true),
                    entry,
                    ConstitutionValidator::slPrincipleProblems));
        }
        if (principles.isEmpty()) {
            throw context.fail(null, "holds no principles");
        }
        return principles;
    }

    /** Enabled principles only: the paper's format has no way to say "disabled". */
    static ObjectNode writeSl(List<SlPrinciple> principles) {
        ObjectNode root = Mappers.JSON.createObjectNode();
        for (SlPrinciple principle : principles) {
            if (principle.enabled()) {
                ObjectNode value = root.putObject(principle.key());
                value.putArray("prompt").add(PromptFormats.critiqueRequest(principle.critiqueRequest()));
                value.put("edit_request", PromptFormats.revisionRequest(principle.revisionRequest()));
            }
        }
        return root;
    }

    static List<RlPrinciple> readRl(ImportContext context, JsonNode root) {
        context.array(root, null, "the file");
        List<RlPrinciple> principles = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String entry = "entry " + i;
            String text = context.string(root.get(i), entry, "the principle");
            String instruction = unframe(context, entry, text, "\n", OPTIONS, "the principle");
            principles.add(context.checked(
                    new RlPrinciple(RL_KEY_PREFIX + i, instruction, true),
                    entry,
                    ConstitutionValidator::rlPrincipleProblems));
        }
        if (principles.isEmpty()) {
            throw context.fail(null, "holds no principles");
        }
        return principles;
    }

    /** Enabled principles only, in order; keys are lost, as the paper's format has none. */
    static ArrayNode writeRl(List<RlPrinciple> principles) {
        ArrayNode root = Mappers.JSON.createArrayNode();
        principles.stream()
                .filter(RlPrinciple::enabled)
                .forEach(principle -> root.add(PromptFormats.rlInstruction(principle.instruction())));
        return root;
    }

    private static String unframe(
            ImportContext context, String entry, String text, String prefix, String suffix, String what) {
        if (!text.startsWith(prefix) || !text.endsWith(suffix) || text.length() < prefix.length() + suffix.length()) {
            throw context.fail(
                    entry,
                    what + " must start with \"" + escape(prefix) + "\" and end with \"" + escape(suffix) + "\"");
        }
        return text.substring(prefix.length(), text.length() - suffix.length());
    }
}
