package org.cailab.feedback;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/preference-pairs?format=jsonl|trl&task=&source=&run=&import=&campaign=&labelled=}: any selection
 * of pairs as a JSON-lines download, for a signed-in researcher or an API key (the service checks the role). Errors
 * are plain text.
 */
@RestController
class PreferencePairController {

    static final String CONTENT_TYPE = "application/jsonl; charset=utf-8";

    private final PreferencePairService pairs;

    PreferencePairController(PreferencePairService pairs) {
        this.pairs = pairs;
    }

    @GetMapping("/api/preference-pairs")
    void download(
            @RequestParam(defaultValue = "jsonl") String format,
            @RequestParam(required = false) @Nullable String task,
            @RequestParam(required = false) @Nullable String source,
            @RequestParam(required = false) @Nullable Long run,
            @RequestParam(name = "import", required = false) @Nullable Long importId,
            @RequestParam(required = false) @Nullable Long campaign,
            @RequestParam(required = false) @Nullable Boolean labelled,
            HttpServletResponse response)
            throws IOException {
        PairExportFormat exportFormat = PairExportFormat.parse(format);
        PairFilter filter = new PairFilter(
                parse(PairTask.class, task, "task"),
                parse(PairSource.class, source, "source"),
                run,
                importId,
                campaign,
                labelled,
                null);
        response.setContentType(CONTENT_TYPE);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(filter, exportFormat), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        pairs.export(filter, exportFormat, response.getOutputStream());
    }

    /** A file name that says what was selected, e.g. {@code preference-pairs-run-12-trl.jsonl}. */
    static String fileName(PairFilter filter, PairExportFormat format) {
        StringBuilder name = new StringBuilder("preference-pairs");
        if (filter.runId() != null) {
            name.append("-run-").append(filter.runId());
        }
        if (filter.importId() != null) {
            name.append("-import-").append(filter.importId());
        }
        if (filter.campaignId() != null) {
            name.append("-campaign-").append(filter.campaignId());
        }
        if (filter.source() != null) {
            name.append('-')
                    .append(filter.source().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        if (filter.task() != null) {
            name.append('-').append(filter.task().name().toLowerCase(Locale.ROOT));
        }
        return name.append('-').append(format.parameter()).append(".jsonl").toString();
    }

    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown " + what + " \"" + text + "\".");
        }
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<String> refused(IllegalArgumentException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.TEXT_PLAIN)
                .body(e.getMessage() + "\n");
    }
}
