package org.cailab.slcai;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.cailab.pipeline.RunException;
import org.cailab.pipeline.RunId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/runs/{id}/sl-dataset?format=messages|prompt-completion|cai-conversation&round=n&rounds=all|last
 * &includeTruncated=false}: the SL finetuning data of an SL-CAI run as a JSON-lines download, for signed-in
 * researchers (the session of the web app; the service checks the role). Defaults: the run's last round, all
 * revisions up to it (the paper's SL-CAI-n), samples cut at the token limit left out. Errors are plain text.
 */
@RestController
class SlDatasetController {

    private final SlCaiExportService exports;

    SlDatasetController(SlCaiExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/runs/{runId}/sl-dataset")
    void download(
            @PathVariable long runId,
            @RequestParam(defaultValue = "messages") String format,
            @RequestParam(required = false) @Nullable Integer round,
            @RequestParam(defaultValue = "all") String rounds,
            @RequestParam(defaultValue = "false") boolean includeTruncated,
            HttpServletResponse response)
            throws IOException {
        SlDatasetExport export = exports.prepare(
                new RunId(runId),
                SlDatasetFormat.parse(format),
                round,
                SlDatasetRounds.parse(rounds),
                includeTruncated);
        response.setContentType(SlDatasetExport.CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(export.fileName(), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        exports.write(export, response.getOutputStream());
    }

    @ExceptionHandler(RunException.class)
    ResponseEntity<String> refused(RunException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage() + "\n");
    }
}
