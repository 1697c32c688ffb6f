package org.cailab.slcai;

/**
 * An export that {@link SlCaiExportService#prepare} checked: which run, layout and round.
 *
 * @param round    the response after this many rounds is the target (0: the initial response; the paper's
 *                 SL-CAI-n uses n)
 * @param fileName a file name that says all of it, for example {@code run-7-sl-cai-r4-messages.jsonl}
 */
public record SlDatasetExport(long runId, SlDatasetFormat format, int round, String fileName) {

    public static final String CONTENT_TYPE = "application/jsonl; charset=utf-8";
}
