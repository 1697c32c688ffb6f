package org.cailab.slcai;

/**
 * An export that {@link SlCaiExportService#prepare} checked: which run, layout and examples.
 *
 * @param round            the last round whose revisions are targets (0: the initial responses)
 * @param rounds           all revisions up to {@code round} (the paper's SL-CAI-n) or only round {@code round}'s
 * @param includeTruncated whether samples that stopped at the token limit are in (by default they are left out)
 * @param fileName         a file name that says all of it, for example {@code run-7-sl-cai-r4-all-messages.jsonl}
 */
public record SlDatasetExport(
        long runId,
        SlDatasetFormat format,
        int round,
        SlDatasetRounds rounds,
        boolean includeTruncated,
        String fileName) {

    public static final String CONTENT_TYPE = "application/jsonl; charset=utf-8";
}
