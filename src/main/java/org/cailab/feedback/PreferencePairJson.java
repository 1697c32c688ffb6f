package org.cailab.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes pairs as export lines and reads them back, so other stacks can train on our labels and the export can be
 * checked by reading it again. The conversation is written in the paper's format ({@code "\n\nHuman: ...\n\nAssistant:
 * ..."}) or as chat messages ({@code user}/{@code assistant}).
 */
public final class PreferencePairJson {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String ASSISTANT_PROMPT = Conversation.ASSISTANT_MARKER;

    /** A line read back: the conversation, chosen and rejected responses, the label (P(chosen better)). */
    public record ExportedPair(
            List<Turn> conversation,
            String chosen,
            String rejected,
            @Nullable Double label,
            JsonNode provenance) {}

    private PreferencePairJson() {}

    /** The export line of a pair, or {@code null} when the format has no place for it (TRL without a preference). */
    public static @Nullable String line(PreferencePair pair, PairExportFormat format) {
        boolean aChosen = pair.label() == null || pair.label() >= 0.5;
        String chosen = aChosen ? pair.responseA() : pair.responseB();
        String rejected = aChosen ? pair.responseB() : pair.responseA();
        ObjectNode node = JSON.createObjectNode();
        if (format == PairExportFormat.TRL) {
            if (pair.label() == null || pair.label() == 0.5) {
                return null;
            }
            node.set("chosen", messages(pair.conversation(), chosen));
            node.set("rejected", messages(pair.conversation(), rejected));
            return JSON.writeValueAsString(node);
        }
        node.put("prompt", prompt(pair.conversation()));
        node.put("chosen", chosen);
        node.put("rejected", rejected);
        if (pair.label() == null) {
            node.putNull("label");
        } else {
            node.put("label", aChosen ? pair.label() : 1 - pair.label());
        }
        node.put("chosen_side", aChosen ? "A" : "B");
        node.set("provenance", provenance(pair));
        return JSON.writeValueAsString(node);
    }

    /** Reads a line of either format back. */
    public static ExportedPair read(String line) {
        JsonNode node = JSON.readTree(line);
        if (node.get("prompt") != null) {
            String prompt = node.get("prompt").stringValue();
            if (!prompt.endsWith(ASSISTANT_PROMPT)) {
                throw new IllegalArgumentException("The prompt does not end in \"\\n\\nAssistant:\"");
            }
            JsonNode label = node.get("label");
            return new ExportedPair(
                    Conversation.parseLenient(prompt.substring(0, prompt.length() - ASSISTANT_PROMPT.length()))
                            .turns(),
                    node.get("chosen").stringValue(),
                    node.get("rejected").stringValue(),
                    label == null || label.isNull() ? null : label.doubleValue(),
                    node.get("provenance"));
        }
        List<Turn> chosen = turns(node.get("chosen"));
        List<Turn> rejected = turns(node.get("rejected"));
        if (!chosen.subList(0, chosen.size() - 1).equals(rejected.subList(0, rejected.size() - 1))) {
            throw new IllegalArgumentException("chosen and rejected have different conversations");
        }
        return new ExportedPair(
                chosen.subList(0, chosen.size() - 1),
                chosen.getLast().text(),
                rejected.getLast().text(),
                1.0,
                JSON.createObjectNode());
    }

    /** The conversation as the models see it, ending in {@code "\n\nAssistant:"}. */
    public static String prompt(List<Turn> conversation) {
        return new Conversation(conversation).prompt();
    }

    private static ArrayNode messages(List<Turn> conversation, String response) {
        ArrayNode messages = JSON.createArrayNode();
        for (Turn turn : conversation) {
            messages.addObject()
                    .put("role", turn.speaker() == Turn.Speaker.HUMAN ? "user" : "assistant")
                    .put("content", turn.text());
        }
        messages.addObject().put("role", "assistant").put("content", response);
        return messages;
    }

    private static List<Turn> turns(JsonNode messages) {
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("expected a list of messages");
        }
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : messages) {
            String role = m.get("role").stringValue();
            String content = m.get("content").stringValue();
            turns.add(
                    switch (role) {
                        case "user" -> Turn.human(content);
                        case "assistant" -> Turn.assistant(content);
                        default -> throw new IllegalArgumentException("unknown role \"" + role + "\"");
                    });
        }
        return turns;
    }

    private static ObjectNode provenance(PreferencePair pair) {
        PairProvenance p = pair.provenance();
        ObjectNode node = JSON.createObjectNode();
        node.put("pair_id", pair.id());
        node.put("task", pair.task().name().toLowerCase(Locale.ROOT));
        node.put("source", pair.source().name().toLowerCase(Locale.ROOT));
        switch (pair.source()) {
            case HUMAN_IMPORT -> node.put("import", p.importName()).put("line", p.sourceLine());
            case CROWD_VOTE ->
                node.put("campaign_id", p.campaignId())
                        .put("campaign", p.campaignName())
                        .put("vote_id", p.voteId());
            case SAMPLED ->
                node.put("run_id", p.runId()).put("item", p.itemKey()).put("policy", p.snapshotName());
            case AI_FEEDBACK -> {
                node.put("run_id", p.runId())
                        .put("item", p.itemKey())
                        .put("labelled_pair_id", p.labelledPairId())
                        .put("feedback_model", p.snapshotName());
                ArrayNode principles = node.putArray("principles");
                p.principles().forEach(principles::add);
            }
        }
        return node;
    }
}
