package org.cailab.slcai;

import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Exports the SL finetuning data of an SL-CAI run as JSON lines (researchers and admins), in processing order:
 * for each chain its response after the chosen round (the paper's SL-CAI-n), for each helpfulness prompt its
 * samples. Also at {@code GET /api/runs/{id}/sl-dataset?format=...&round=n}.
 */
@Service
@Transactional(readOnly = true)
public class SlCaiExportService {

    private static final int PAGE = 500;

    private final SlCaiService slCai;
    private final RunService runs;

    SlCaiExportService(SlCaiService slCai, RunService runs) {
        this.slCai = slCai;
        this.runs = runs;
    }

    /**
     * Checks an export before anything is written.
     *
     * @param round the round whose responses are the targets; {@code null} for the run's last round
     * @throws RunException when the run is not an SL-CAI run or the round does not fit the run or the format
     */
    @PreAuthorize(SlCaiService.READERS)
    public SlDatasetExport prepare(long runId, SlDatasetFormat format, @Nullable Integer round) {
        int rounds = slCai.run(runId).parameters().rounds();
        int chosen = round == null ? rounds : round;
        int lowest = format == SlDatasetFormat.CAI_CONVERSATION ? 1 : 0;
        if (chosen < lowest || chosen > rounds) {
            throw new RunException(rounds < lowest
                    ? "Run " + runId + " has no revisions, which the " + format.parameter() + " layout needs."
                    : "Run " + runId + " has rounds " + lowest + " to " + rounds + " for this layout, not " + chosen + ".");
        }
        return new SlDatasetExport(runId, format, chosen,
                "run-" + runId + "-sl-cai-r" + chosen + "-" + format.parameter() + ".jsonl");
    }

    /** Writes the export as UTF-8 JSON lines; returns how many lines. The stream is flushed, not closed. */
    @PreAuthorize(SlCaiService.READERS)
    public long write(SlDatasetExport export, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long lines = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.outputs(export.runId(), null, offset, PAGE);
            for (RunItem item : page) {
                for (String line : SlDatasetWriter.lines(SlCaiJson.read(item.output()), export.format(), export.round())) {
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

    /** The finetuning examples of a run after {@code round} rounds ({@code null}: the last), for training in the app. */
    @PreAuthorize(SlCaiService.READERS)
    public List<SlExample> examples(long runId, @Nullable Integer round) {
        SlDatasetExport export = prepare(runId, SlDatasetFormat.MESSAGES, round);
        List<SlExample> examples = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.outputs(runId, null, offset, PAGE);
            page.forEach(item -> examples.addAll(SlDatasetWriter.examples(SlCaiJson.read(item.output()), export.round())));
            if (page.size() < PAGE) {
                return examples;
            }
        }
    }

    /** {@link #write} into a byte array, for small runs and tests. */
    @PreAuthorize(SlCaiService.READERS)
    public byte[] bytes(SlDatasetExport export) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            write(export, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
