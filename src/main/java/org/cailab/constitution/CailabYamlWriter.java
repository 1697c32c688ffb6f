package org.cailab.constitution;

import org.cailab.dialogue.Conversation;
import org.cailab.dialogue.Turn;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes our own format; the inverse of {@link CailabYamlReader}. */
final class CailabYamlWriter {

    private CailabYamlWriter() {}

    static String write(ConstitutionContent content) {
        return Mappers.YAML.writeValueAsString(tree(content));
    }

    /** The content as a tree in our format; also the stored JSON shape (see {@link ConstitutionJson}). */
    static ObjectNode tree(ConstitutionContent content) {
        ObjectNode root = Mappers.YAML.createObjectNode();
        root.put("format", CailabYamlReader.FORMAT);
        ArrayNode sl = root.putArray("sl_principles");
        content.slPrinciples()
                .forEach(p -> sl.addObject()
                        .put("key", p.key())
                        .put("critique_request", p.critiqueRequest())
                        .put("revision_request", p.revisionRequest())
                        .put("enabled", p.enabled()));
        ArrayNode rl = root.putArray("rl_principles");
        content.rlPrinciples()
                .forEach(p -> rl.addObject()
                        .put("key", p.key())
                        .put("instruction", p.instruction())
                        .put("enabled", p.enabled()));
        ArrayNode critique = root.putArray("critique_examples");
        for (CritiqueRevisionExample example : content.critiqueExamples()) {
            ObjectNode node = critique.addObject();
            conversation(node, example.conversation());
            ArrayNode rounds = node.putArray("rounds");
            for (CritiqueRevisionRound round : example.rounds()) {
                ObjectNode roundNode = rounds.addObject();
                if (round.critiqueRequest() != null && round.critique() != null) {
                    roundNode.put("critique_request", round.critiqueRequest()).put("critique", round.critique());
                }
                roundNode.put("revision_request", round.revisionRequest()).put("revision", round.revision());
            }
            node.put("ends_with_human_marker", example.endsWithHumanMarker());
        }
        ArrayNode mc = root.putArray("mc_examples");
        content.mcExamples()
                .forEach(e -> comparison(
                        mc.addObject(), e.conversation(), e.instruction(), e.responseA(), e.responseB(), e.correct()));
        ArrayNode cot = root.putArray("cot_examples");
        content.cotExamples()
                .forEach(e -> comparison(
                                cot.addObject(),
                                e.conversation(),
                                e.instruction(),
                                e.responseA(),
                                e.responseB(),
                                e.correct())
                        .put("reasoning", e.reasoning()));
        return root;
    }

    private static ObjectNode comparison(
            ObjectNode node,
            Conversation conversation,
            @Nullable String instruction,
            String a,
            String b,
            Choice correct) {
        conversation(node, conversation);
        if (instruction != null) {
            node.put("instruction", instruction);
        }
        return node.put("response_a", a).put("response_b", b).put("correct", correct.name());
    }

    private static void conversation(ObjectNode node, Conversation conversation) {
        ArrayNode turns = node.putArray("conversation");
        conversation
                .turns()
                .forEach(turn -> turns.addObject()
                        .put(turn.speaker() == Turn.Speaker.HUMAN ? "human" : "assistant", turn.text()));
    }
}
