package org.cailab.constitution;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The constitution JSON of Hugging Face's llm-swarm "constitutional-ai" recipe:
 * {@code {"constitutions": [{"critic", "revision"}...], "system_chat": [[{"role", "content"}...]...]}}, where
 * each system chat is a user prompt, the assistant's answer, then user critique request, assistant critique,
 * user revision request, assistant revision. Its older form, a bare list of constitutions, is read too.
 *
 * <p>A chat's last four messages are taken as its one critique/revision round and everything before as
 * the conversation; examples with several rounds therefore come back with the earlier rounds folded into
 * the conversation, and direct-revision rounds (no critique) come back as plain turns.
 */
final class LlmSwarmFormat {

    static final String KEY_PREFIX = "constitution";
    private static final int ROUND_MESSAGES = 4;

    private LlmSwarmFormat() {}

    static ConstitutionContent read(ImportContext context, JsonNode root) {
        JsonNode constitutions = root;
        JsonNode chats = Mappers.JSON.createArrayNode();
        if (root.isObject()) {
            context.onlyFields(root, "the file", Set.of("constitutions", "system_chat"));
            constitutions = context.field(root, "the file", "constitutions");
            chats = root.has("system_chat") ? root.get("system_chat") : chats;
        }
        context.array(constitutions, null, "\"constitutions\"");
        if (constitutions.isEmpty()) {
            throw context.fail(null, "\"constitutions\" holds no principles");
        }
        List<SlPrinciple> principles = new ArrayList<>();
        for (int i = 0; i < constitutions.size(); i++) {
            String entry = "constitutions[" + i + "]";
            JsonNode value = context.object(constitutions.get(i), entry, "the principle");
            context.onlyFields(value, entry, Set.of("critic", "revision"));
            SlPrinciple principle = new SlPrinciple(
                    KEY_PREFIX + i,
                    context.stringField(value, entry, "critic"),
                    context.stringField(value, entry, "revision"),
                    true);
            principles.add(context.checked(principle, entry, ConstitutionValidator::slPrincipleProblems));
        }
        context.array(chats, null, "\"system_chat\"");
        List<CritiqueRevisionExample> examples = new ArrayList<>();
        for (int i = 0; i < chats.size(); i++) {
            examples.add(chat(context, "system_chat[" + i + "]", chats.get(i)));
        }
        return new ConstitutionContent(principles, List.of(), examples, List.of(), List.of());
    }

    /** Enabled principles only, and every critique example as a system chat. */
    static ObjectNode write(ConstitutionContent content) {
        ObjectNode root = Mappers.JSON.createObjectNode();
        ArrayNode constitutions = root.putArray("constitutions");
        content.enabledSlPrinciples()
                .forEach(principle -> constitutions
                        .addObject()
                        .put("critic", principle.critiqueRequest())
                        .put("revision", principle.revisionRequest()));
        ArrayNode chats = root.putArray("system_chat");
        for (CritiqueRevisionExample example : content.critiqueExamples()) {
            ArrayNode chat = chats.addArray();
            example.conversation().turns().forEach(turn -> message(chat, turn.speaker(), turn.text()));
            for (CritiqueRevisionRound round : example.rounds()) {
                if (round.critiqueRequest() != null && round.critique() != null) {
                    message(chat, Turn.Speaker.HUMAN, round.critiqueRequest());
                    message(chat, Turn.Speaker.ASSISTANT, round.critique());
                }
                message(chat, Turn.Speaker.HUMAN, round.revisionRequest());
                message(chat, Turn.Speaker.ASSISTANT, round.revision());
            }
        }
        return root;
    }

    private static CritiqueRevisionExample chat(ImportContext context, String entry, JsonNode chat) {
        context.array(chat, entry, "the chat");
        if (chat.size() < 2 + ROUND_MESSAGES || chat.size() % 2 != 0) {
            throw context.fail(
                    entry,
                    "a chat needs an even number of messages, at least 6 (prompt, answer, "
                            + "critique request, critique, revision request, revision); found " + chat.size());
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < chat.size(); i++) {
            String messageEntry = entry + "[" + i + "]";
            JsonNode message = context.object(chat.get(i), messageEntry, "the message");
            context.onlyFields(message, messageEntry, Set.of("role", "content"));
            String expected = i % 2 == 0 ? "user" : "assistant";
            String role = context.stringField(message, messageEntry, "role");
            if (!role.equals(expected)) {
                throw context.fail(
                        messageEntry,
                        "\"role\" must be \"" + expected + "\" here (user and assistant "
                                + "alternate, user first), found \"" + role + "\"");
            }
            texts.add(context.stringField(message, messageEntry, "content"));
        }
        int roundAt = texts.size() - ROUND_MESSAGES;
        Conversation conversation = Conversation.of(texts.subList(0, roundAt).toArray(String[]::new));
        CritiqueRevisionRound round = new CritiqueRevisionRound(
                texts.get(roundAt), texts.get(roundAt + 1), texts.get(roundAt + 2), texts.get(roundAt + 3));
        return context.checked(
                new CritiqueRevisionExample(conversation, List.of(round), true),
                entry,
                ConstitutionValidator::critiqueExampleProblems);
    }

    private static void message(ArrayNode chat, Turn.Speaker speaker, String text) {
        chat.addObject()
                .put("role", speaker == Turn.Speaker.HUMAN ? "user" : "assistant")
                .put("content", text);
    }
}
