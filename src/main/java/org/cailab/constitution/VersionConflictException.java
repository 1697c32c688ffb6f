package org.cailab.constitution;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A save that started from a version which is no longer the newest: someone else saved in between. Nothing was
 * saved; the caller still holds its content and can download it, or re-base it on {@link #latest()} and save again.
 */
public class VersionConflictException extends ConstitutionEditException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final ConstitutionVersionInfo latest;
    private final int startedFrom;

    public VersionConflictException(ConstitutionVersionInfo latest, int startedFrom) {
        super("Conflict: " + latest.createdBy() + " saved version " + latest.number() + " of \""
                + latest.constitutionName() + "\" at "
                + WHEN.format(latest.createdAt().withOffsetSameInstant(ZoneOffset.UTC))
                + " (\"" + latest.comment() + "\") after version " + startedFrom
                + ", which your edit started from. Nothing was saved; your changes are kept.");
        this.latest = latest;
        this.startedFrom = startedFrom;
    }

    /** The newest version now. */
    public ConstitutionVersionInfo latest() {
        return latest;
    }

    /** The number of the version the refused edit started from. */
    public int startedFrom() {
        return startedFrom;
    }
}
