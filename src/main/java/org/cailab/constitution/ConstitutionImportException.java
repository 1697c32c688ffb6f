package org.cailab.constitution;

import org.jspecify.annotations.Nullable;

/**
 * A constitution file that cannot be imported. Imports are all-or-nothing: when this is thrown, nothing
 * of the file (or of the set of files) was taken. The message names the file, the entry and the problem,
 * for example {@code "CritiqueRevisionInstructions.json, entry harmful3: missing \"edit_request\""}.
 */
public class ConstitutionImportException extends RuntimeException {

    private final String file;
    private final @Nullable String entry;
    private final String problem;

    /**
     * @param file    the file name as the user knows it
     * @param entry   the entry within the file (index, key or path), or {@code null} for the whole file
     * @param problem what is wrong
     */
    public ConstitutionImportException(String file, @Nullable String entry, String problem) {
        super(file + (entry != null ? ", " + entry : "") + ": " + problem);
        this.file = file;
        this.entry = entry;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public @Nullable String entry() {
        return entry;
    }

    public String problem() {
        return problem;
    }
}
