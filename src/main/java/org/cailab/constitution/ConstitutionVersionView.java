package org.cailab.constitution;

/**
 * A stored version with its content: what a run reads before it starts.
 *
 * @param info    who saved it, when and why
 * @param content the principles and few-shot examples
 */
public record ConstitutionVersionView(ConstitutionVersionInfo info, ConstitutionContent content) {

    public long id() {
        return info.id();
    }

    public int number() {
        return info.number();
    }

    public ConstitutionVersionRef ref() {
        return info.ref();
    }
}
