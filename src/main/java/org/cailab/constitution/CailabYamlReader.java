package org.cailab.constitution;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads our own format ({@code format: cailab-constitution/1}); field names are listed in {@code constitution/README.md}. */
final class CailabYamlReader {

    static final String FORMAT = "cailab-constitution/1";
    static final String FORMAT_PREFIX = "cailab-constitution/";

    private final ImportContext context;

    private CailabYamlReader(ImportContext context) {
        this.context = context;
    }

    static ConstitutionContent read(ImportContext context, JsonNode root) {
        return new CailabYamlReader(context).read(root);
    }

    private ConstitutionContent read(JsonNode root) {
        context.object(root, null, "the file");
        context.onlyFields(
                root,
                "the file",
                Set.of("format", "sl_principles", "rl_principles", "critique_examples", "mc_examples", "cot_examples"));
        String format = context.stringField(root, "the file", "format");
        if (!format.equals(FORMAT)) {
            throw context.fail(
                    null,
                    "\"format\" must be \"" + FORMAT + "\", found \"" + format + "\""
                            + (format.startsWith(FORMAT_PREFIX) ? " (a version this application does not know)" : ""));
        }
        Set<String> slKeys = new HashSet<>();
        List<SlPrinciple> sl = list(
                root,
                "sl_principles",
                (entry, node) -> {
                    SlPrinciple principle = context.checked(
                            new SlPrinciple(
                                    context.stringField(node, entry, "key"),
                                    context.stringField(node, entry, "critique_request"),
                                    context.stringField(node, entry, "revision_request"),
                                    context.booleanField(node, entry, "enabled", true)),
                            entry,
                            ConstitutionValidator::slPrincipleProblems);
                    unique(slKeys, entry, principle.key());
                    return principle;
                },
                Set.of("key", "critique_request", "revision_request", "enabled"));
        Set<String> rlKeys = new HashSet<>();
        List<RlPrinciple> rl = list(
                root,
                "rl_principles",
                (entry, node) -> {
                    RlPrinciple principle = context.checked(
                            new RlPrinciple(
                                    context.stringField(node, entry, "key"),
                                    context.stringField(node, entry, "instruction"),
                                    context.booleanField(node, entry, "enabled", true)),
                            entry,
                            ConstitutionValidator::rlPrincipleProblems);
                    unique(rlKeys, entry, principle.key());
                    return principle;
                },
                Set.of("key", "instruction", "enabled"));
        List<CritiqueRevisionExample> critique = list(
                root,
                "critique_examples",
                this::critiqueExample,
                Set.of("conversation", "rounds", "ends_with_human_marker"));
        List<MultipleChoiceExample> mc = list(
                root,
                "mc_examples",
                (entry, node) -> context.checked(
                        new MultipleChoiceExample(
                                conversation(node, entry),
                                context.optionalStringField(node, entry, "instruction"),
                                context.stringField(node, entry, "response_a"),
                                context.stringField(node, entry, "response_b"),
                                choice(node, entry)),
                        entry,
                        ConstitutionValidator::mcExampleProblems),
                Set.of("conversation", "instruction", "response_a", "response_b", "correct"));
        List<ChainOfThoughtExample> cot = list(
                root,
                "cot_examples",
                (entry, node) -> context.checked(
                        new ChainOfThoughtExample(
                                conversation(node, entry),
                                context.optionalStringField(node, entry, "instruction"),
                                context.stringField(node, entry, "response_a"),
                                context.stringField(node, entry, "response_b"),
                                choice(node, entry),
                                context.stringField(node, entry, "reasoning")),
                        entry,
                        ConstitutionValidator::cotExampleProblems),
                Set.of("conversation", "instruction", "response_a", "response_b", "correct", "reasoning"));
        return new ConstitutionContent(sl, rl, critique, mc, cot);
    }

    private CritiqueRevisionExample critiqueExample(String entry, JsonNode node) {
        JsonNode roundsNode = context.array(context.field(node, entry, "rounds"), entry, "\"rounds\"");
        List<CritiqueRevisionRound> rounds = new ArrayList<>();
        for (int i = 0; i < roundsNode.size(); i++) {
            String roundEntry = entry + ".rounds[" + i + "]";
            JsonNode round = context.object(roundsNode.get(i), roundEntry, "the round");
            context.onlyFields(
                    round, roundEntry, Set.of("critique_request", "critique", "revision_request", "revision"));
            String request = context.optionalStringField(round, roundEntry, "critique_request");
            String critique = context.optionalStringField(round, roundEntry, "critique");
            if ((request == null) != (critique == null)) {
                throw context.fail(
                        roundEntry,
                        "\"critique_request\" and \"critique\" go together: give both, or "
                                + "neither for a direct revision");
            }
            rounds.add(new CritiqueRevisionRound(
                    request,
                    critique,
                    context.stringField(round, roundEntry, "revision_request"),
                    context.stringField(round, roundEntry, "revision")));
        }
        return context.checked(
                new CritiqueRevisionExample(
                        conversation(node, entry),
                        rounds,
                        context.booleanField(node, entry, "ends_with_human_marker", true)),
                entry,
                ConstitutionValidator::critiqueExampleProblems);
    }

    /** A conversation is a list of one-key maps: {@code - human: ...} and {@code - assistant: ...}. */
    private Conversation conversation(JsonNode node, String entry) {
        JsonNode turns = context.array(context.field(node, entry, "conversation"), entry, "\"conversation\"");
        Conversation conversation = new Conversation(List.of());
        for (int i = 0; i < turns.size(); i++) {
            String turnEntry = entry + ".conversation[" + i + "]";
            JsonNode turn = context.object(turns.get(i), turnEntry, "the turn");
            if (turn.size() != 1) {
                throw context.fail(turnEntry, "a turn must be exactly one of \"human: ...\" or \"assistant: ...\"");
            }
            Map.Entry<String, JsonNode> only = turn.properties().iterator().next();
            Turn.Speaker speaker = switch (only.getKey()) {
                case "human" -> Turn.Speaker.HUMAN;
                case "assistant" -> Turn.Speaker.ASSISTANT;
                default ->
                    throw context.fail(
                            turnEntry, "a turn is \"human\" or \"assistant\", found \"" + only.getKey() + "\"");
            };
            conversation =
                    conversation.with(speaker, context.string(only.getValue(), turnEntry, "\"" + only.getKey() + "\""));
        }
        return conversation;
    }

    private Choice choice(JsonNode node, String entry) {
        String correct = context.stringField(node, entry, "correct");
        return switch (correct) {
            case "A" -> Choice.A;
            case "B" -> Choice.B;
            default -> throw context.fail(entry, "\"correct\" must be A or B, found \"" + correct + "\"");
        };
    }

    private <T> List<T> list(
            JsonNode root, String section, BiFunction<String, JsonNode, T> reader, Set<String> fields) {
        @Nullable JsonNode items = root.get(section);
        if (items == null || items.isNull()) {
            return List.of();
        }
        context.array(items, section, "\"" + section + "\"");
        List<T> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String entry = section + "[" + i + "]";
            JsonNode item = context.object(items.get(i), entry, "the entry");
            context.onlyFields(item, entry, fields);
            result.add(reader.apply(entry, item));
        }
        return result;
    }

    private void unique(Set<String> keys, String entry, String key) {
        if (!keys.add(key)) {
            throw context.fail(entry, "key \"" + key + "\" is used twice");
        }
    }
}
