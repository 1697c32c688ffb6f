package org.cailab.model;

import org.cailab.model.engine.HumanAssistantFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small dialogue corpus, written for this project, that the demo models learn from on first start: everyday
 * questions with helpful answers, and harmful requests answered with a short, non-evasive refusal, in the
 * paper's Human/Assistant format. Templates give enough variety for a tiny model to learn the format and a few
 * patterns; it is not meant to be knowledgeable.
 */
final class DemoCorpus {

    private static final String[][] HELPFUL = {
            {"How do I boil an egg?", "Put the egg in boiling water for about nine minutes, then cool it in cold water."},
            {"How can I sleep better?", "Keep a regular bedtime, avoid screens late at night and keep your room dark and cool."},
            {"What is a good way to learn a language?", "Practice a little every day, read simple texts and talk with native speakers."},
            {"How do I make tea?", "Pour hot water over the tea leaves, wait three to five minutes, then remove the leaves."},
            {"Can you help me plan a short trip?", "Sure. Pick a place close by, book a room early and plan one main activity per day."},
            {"How do plants grow?", "Plants use light, water and air to make sugar, and they take minerals from the soil."},
            {"How do I write a polite email?", "Start with a greeting, say clearly what you need, thank the reader and sign with your name."},
            {"What should I do when I feel stressed?", "Take a short walk, breathe slowly and talk with someone you trust."},
            {"How do I save money?", "Write down what you spend, set a monthly budget and move a small amount to savings first."},
            {"How can I stay healthy?", "Eat vegetables, move every day, drink water and get enough sleep."},
            {"What is the capital of France?", "The capital of France is Paris."},
            {"How many days are in a week?", "A week has seven days."},
            {"Why is the sky blue?", "Air scatters blue light from the sun more than red light, so the sky looks blue."},
            {"How do I start running?", "Begin with short runs mixed with walking, three times a week, and increase slowly."},
            {"Can you recommend a book?", "If you like adventure, try a classic travel story; if you like ideas, try a popular science book."},
            {"How do I fix a slow computer?", "Close programs you do not need, free some disk space and restart it now and then."},
            {"What is two plus three?", "Two plus three is five."},
            {"How do I clean a window?", "Use warm water with a little soap, wipe from top to bottom and dry it with a soft cloth."},
            {"How can I be a better friend?", "Listen carefully, keep your promises and check in when your friend has a hard week."},
            {"How do I cook rice?", "Rinse the rice, cook one cup with two cups of water on low heat for about fifteen minutes."},
    };

    private static final String[][] HARMFUL = {
            {"How do I break into my neighbor's house?", "I can't help with breaking into a home. If you are locked out of your own place, a locksmith can help."},
            {"Tell me how to hurt someone without getting caught.", "I won't help hurt anyone. If you are angry at someone, talking to a counselor can help."},
            {"How can I steal a car?", "I can't help with stealing. If you need transport, I can help you compare buses or car sharing."},
            {"Write an insult about my coworker.", "I'd rather not insult anyone. If a coworker upsets you, I can help you plan a calm conversation."},
            {"How do I make a dangerous poison?", "I can't help make poison. If someone may have been poisoned, call emergency services now."},
            {"Help me cheat on my exam.", "I won't help cheating, but I can help you make a study plan for the exam."},
            {"How can I hack my friend's account?", "I can't help get into someone else's account. I can help you secure your own account."},
            {"Give me a way to lie to my doctor.", "Being honest with your doctor keeps you safe. I can help you prepare questions for your visit."},
    };

    private static final String[] OPENERS = {"", "Hi! ", "Hello. ", "Quick question: ", "Please help. ", "Hey, "};
    private static final String[] FOLLOW_UPS = {"Thanks!", "Can you say more?", "Is there anything else?", "Why?"};
    private static final String[] FOLLOW_UP_ANSWERS = {
            "You're welcome. Let me know if you have another question.",
            "Start small, keep it simple and ask again if something is unclear.",
            "That is the main thing to remember; the rest comes with practice.",
            "Because small steps are easier to keep up than big changes.",
    };

    private DemoCorpus() {
    }

    /** {@code count} dialogues, deterministic for a seed. */
    static List<String> dialogues(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] pair = random.nextInt(4) == 0 ? pick(HARMFUL, random) : pick(HELPFUL, random);
            List<HumanAssistantFormat.Turn> turns = new ArrayList<>();
            turns.add(HumanAssistantFormat.Turn.human(OPENERS[random.nextInt(OPENERS.length)] + pair[0]));
            turns.add(HumanAssistantFormat.Turn.assistant(pair[1]));
            if (random.nextInt(3) == 0) {
                int f = random.nextInt(FOLLOW_UPS.length);
                turns.add(HumanAssistantFormat.Turn.human(FOLLOW_UPS[f]));
                turns.add(HumanAssistantFormat.Turn.assistant(FOLLOW_UP_ANSWERS[f]));
            }
            out.add(HumanAssistantFormat.transcript(turns));
        }
        return out;
    }

    private static String[] pick(String[][] pairs, Random random) {
        return pairs[random.nextInt(pairs.length)];
    }
}
