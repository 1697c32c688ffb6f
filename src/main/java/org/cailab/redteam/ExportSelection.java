package org.cailab.redteam;

/** Which rated attempts an export holds. */
public enum ExportSelection {
    ALL("All rated attempts"),
    LIVE("Our campaigns' attempts"),
    IMPORTED("Imported attempts");

    private final String label;

    ExportSelection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
