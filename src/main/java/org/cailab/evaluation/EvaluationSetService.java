package org.cailab.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cailab.pipeline.RunId;
import org.cailab.pipeline.RunItem;
import org.cailab.pipeline.RunService;
import org.cailab.pipeline.RunState;
import org.cailab.pipeline.RunSummary;
import org.cailab.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation sets (uploaded multiple-choice files) and the results of evaluation runs ({@code mc-eval}) on them.
 * Researchers import sets and read results; the summaries are computed from the runs' stored per-item outputs each
 * time they are read, so they always agree with the items.
 */
@Service
public class EvaluationSetService {

    static final String READERS = "hasRole('" + Role.RESEARCHER_ROLE + "')";
    static final int MAX_NAME_LENGTH = 200;
    /** How many recent runs {@link #results} looks through. */
    static final int RUNS_SCANNED = 1000;

    private static final int PAGE = 500;

    private final JooqEvaluationSetRepository sets;
    private final RunService runs;
    private final JsonMapper json;

    EvaluationSetService(JooqEvaluationSetRepository sets, RunService runs, JsonMapper json) {
        this.sets = sets;
        this.runs = runs;
        this.json = json;
    }

    /**
     * Imports a file of {@code {prompt, corrects, incorrects}} JSON lines (UTF-8) as a set. The whole file is checked
     * first ({@link EvalFileReader}); a bad line stores nothing and the {@link EvalFileException} names the line.
     *
     * @throws IllegalArgumentException when the name is empty, too long or taken
     */
    @PreAuthorize(READERS)
    @Transactional
    public EvaluationSet importSet(String name, String fileName, InputStream data) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(
                    "Give the evaluation set a name of 1-" + MAX_NAME_LENGTH + " characters.");
        }
        List<EvalItem> items;
        List<TranscriptPair> pairs;
        try (InputStreamReader reader = new InputStreamReader(
                data,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            // evaluation files are small (the HHH file is 438 lines): read once, parse as items and as pairs
            java.io.StringWriter buffer = new java.io.StringWriter();
            reader.transferTo(buffer);
            String text = buffer.toString();
            items = EvalFileReader.read(fileName, new java.io.StringReader(text));
            pairs = EvalFileReader.transcriptPairs(text);
        } catch (CharacterCodingException e) {
            throw new EvalFileException(fileName, 0, "is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
        }
        long id = sets.insert(trimmed, fileName, items, pairs, currentUsername())
                .orElseThrow(() ->
                        new IllegalArgumentException("An evaluation set named \"" + trimmed + "\" already exists."));
        return sets.findAll().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    /**
     * The set's {@code text_correct} / {@code text_incorrect} transcript pairs (what a preference model is evaluated
     * on); empty when its file had none.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<TranscriptPair> transcriptPairs(long setId) {
        return sets.transcriptPairs(setId);
    }

    /** The names of the sets that have transcript pairs, newest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<String> setsWithTranscriptPairs() {
        return sets.namesWithTranscriptPairs();
    }

    /** The set of that name (case-insensitive). */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public java.util.Optional<EvaluationSet> set(String name) {
        return sets.findByName(name);
    }

    /** Every set, newest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<EvaluationSet> sets() {
        return sets.findAll();
    }

    /** A set's items in file order. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<EvalItem> items(long setId) {
        return sets.items(setId);
    }

    /**
     * The evaluation runs among the {@value #RUNS_SCANNED} most recent runs that have answered at least one item,
     * newest first, each summarised from its stored outputs (accuracy with its 95% Wilson interval, calibration).
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<EvaluationResult> results() {
        List<EvaluationResult> out = new ArrayList<>();
        for (RunSummary summary : runs.findRecent(RUNS_SCANNED)) {
            if (!summary.run().type().equals(McEvalStage.TYPE)) {
                continue;
            }
            List<ItemResult> answered = itemResults(summary.run().id());
            if (answered.isEmpty()) {
                continue;
            }
            var config = summary.run().config();
            out.add(EvaluationResult.of(
                    summary.run().id().value(),
                    config.name(),
                    config.parameter(McEvalStage.SET, ""),
                    config.parameter(McEvalStage.SNAPSHOT_NAME, ""),
                    summary.run().state() == RunState.FINISHED,
                    summary.run().createdAt(),
                    Calibration.of(answered)));
        }
        return out;
    }

    /** Every answered item of an evaluation run, in set order. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<ItemResult> itemResults(RunId runId) {
        List<ItemResult> out = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            List<RunItem> page = runs.outputs(runId, null, offset, PAGE);
            for (RunItem item : page) {
                if (item.output() != null) {
                    out.addAll(json.treeToValue(item.output(), EvaluationBatchOutput.class)
                            .results());
                }
            }
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
