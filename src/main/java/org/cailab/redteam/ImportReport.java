package org.cailab.redteam;

/** A successful import: every record of the file was stored. */
public record ImportReport(long importId, String fileName, int records) {}
