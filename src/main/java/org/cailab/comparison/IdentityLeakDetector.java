package org.cailab.comparison;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds answers that name their own model, which would tell the worker which model is which. The name is matched
 * as a whole word, ignoring case and treating '-', '_', '.', '/' and spaces alike ("tiny-llama v2" matches
 * "Tiny_Llama-v2"); for names with a path ("org/model") the last part is enough. Names shorter than three
 * characters are not checked: they would match ordinary words.
 */
final class IdentityLeakDetector {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_./]+");
    private static final int MIN_NAME_LENGTH = 3;

    private IdentityLeakDetector() {}

    static boolean namesModel(String answer, String modelName) {
        String text = " " + normalize(answer) + " ";
        for (String name : candidates(modelName)) {
            if (name.length() >= MIN_NAME_LENGTH && containsWord(text, name)) {
                return true;
            }
        }
        return false;
    }

    private static String[] candidates(String modelName) {
        String full = normalize(modelName);
        int slash = modelName.lastIndexOf('/');
        return slash >= 0 && slash < modelName.length() - 1
                ? new String[] {full, normalize(modelName.substring(slash + 1))}
                : new String[] {full};
    }

    private static boolean containsWord(String text, String name) {
        int from = 0;
        while (true) {
            int at = text.indexOf(name, from);
            if (at < 0) {
                return false;
            }
            int end = at + name.length();
            if (!Character.isLetterOrDigit(text.charAt(at - 1)) && !Character.isLetterOrDigit(text.charAt(end))) {
                return true;
            }
            from = at + 1;
        }
    }

    /** Lower case, accents folded, every run of separators and punctuation a single space. */
    private static String normalize(String s) {
        String folded = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return SEPARATORS
                .matcher(folded.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }
}
