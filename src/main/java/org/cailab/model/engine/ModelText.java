package org.cailab.model.engine;

/**
 * The one rule for text a model produces, local or remote, before the app keeps it: no NUL characters. A byte-level
 * model can sample the byte 0 (and a remote server can send {@code \u0000}), which PostgreSQL can store neither in
 * text nor in jsonb (a stored chain-of-thought reasoning with one failed a run item).
 */
public final class ModelText {

    private ModelText() {}

    /** {@code text} without NUL characters (the same instance when it has none). */
    public static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
