package org.cailab.slcai;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports the SL finetuning data of an SL-CAI run as JSON lines (researchers and admins), in processing order. By
 * default the paper's SL-CAI-n: for each chain its revisions of rounds 1 to n (n examples), for each helpfulness
 * prompt its samples, leaving out samples that stopped at the token limit; optionally only the response after round
 * n, and optionally with the truncated samples. Also at
 * {@code GET /api/runs/{id}/sl-dataset?format=...&round=n&rounds=all|last&includeTruncated=false}.
 */
@Service
@Transactional(readOnly = true)
public class SlCaiExportService {

    static final int PAGE = 500;

    private final SlCaiService slCai;
    private final RunService runs;

    SlCaiExportService(SlCaiService slCai, RunService runs) {
        this.slCai = slCai;
        this.runs = runs;
    }

    /** {@link #prepare(RunId, SlDatasetFormat, Integer, SlDatasetRounds, boolean)} of the paper's SL-CAI-n. */
    @PreAuthorize(SlCaiService.READERS)
    public SlDatasetExport prepare(RunId runId, SlDatasetFormat format, @Nullable Integer round) {
        return prepare(runId, format, round, SlDatasetRounds.ALL, false);
    }

    /**
     * Checks an export before anything is written.
     *
     * @param round            the last round whose revisions are the targets; {@code null} for the run's last round
     * @param rounds           every round up to {@code round} (the paper's SL-CAI-n) or only that one
     * @param includeTruncated whether samples that stopped at the token limit are exported too
     * @throws RunException when the run is not an SL-CAI run or the round does not fit the run or the format
     */
    @PreAuthorize(SlCaiService.READERS)
    public SlDatasetExport prepare(
            RunId runId,
            SlDatasetFormat format,
            @Nullable Integer round,
            SlDatasetRounds rounds,
            boolean includeTruncated) {
        int available = slCai.run(runId).parameters().rounds();
        int chosen = round == null ? available : round;
        int lowest = format == SlDatasetFormat.CAI_CONVERSATION ? 1 : 0;
        if (chosen < lowest || chosen > available) {
            throw new RunException(
                    available < lowest
                            ? "Run " + runId + " has no revisions, which the " + format.parameter() + " layout needs."
                            : "Run " + runId + " has rounds " + lowest + " to " + available + " for this layout, not "
                                    + chosen + ".");
        }
        return new SlDatasetExport(
                runId.value(),
                format,
                chosen,
                rounds,
                includeTruncated,
                "run-" + runId + "-sl-cai-r"
                        + chosen + "-" + rounds.parameter() + (includeTruncated ? "-with-truncated" : "") + "-"
                        + format.parameter() + ".jsonl");
    }

    /** Writes the export as UTF-8 JSON lines; returns how many lines. The stream is flushed, not closed. */
    @PreAuthorize(SlCaiService.READERS)
    public long write(SlDatasetExport export, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        SlDatasetWriter.Selection selection = selection(export);
        long lines = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.outputs(new RunId(export.runId()), null, offset, PAGE);
            for (RunItem item : page) {
                for (String line : SlDatasetWriter.lines(SlCaiJson.read(item.output()), export.format(), selection)) {
                    writer.write(line);
                    writer.write('\n');
                    lines++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        writer.flush();
        return lines;
    }

    /**
     * The paper's SL-CAI-n examples of a run ({@code null}: n = the run's last round) without truncated samples, as
     * conversations; {@link SlCaiService#trainingExamples} gives the same as transcript text for several runs.
     */
    @PreAuthorize(SlCaiService.READERS)
    public List<SlExample> examples(RunId runId, @Nullable Integer round) {
        SlDatasetWriter.Selection selection = selection(prepare(runId, SlDatasetFormat.MESSAGES, round));
        List<SlExample> examples = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.outputs(runId, null, offset, PAGE);
            page.forEach(item -> examples.addAll(SlDatasetWriter.examples(SlCaiJson.read(item.output()), selection)));
            if (page.size() < PAGE) {
                return examples;
            }
        }
    }

    /** {@link #write} into a byte array, for small runs and tests. */
    @PreAuthorize(SlCaiService.READERS)
    public byte[] bytes(SlDatasetExport export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(export, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static SlDatasetWriter.Selection selection(SlDatasetExport export) {
        return new SlDatasetWriter.Selection(export.round(), export.rounds(), export.includeTruncated());
    }
}
