package org.cailab.redteam;

/** Published when a file of red-team attempts was imported (all its records, in one transaction). */
public record AttemptsImported(long importId, String fileName, int records) {}
