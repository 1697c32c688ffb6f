package org.cailab.feedback;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.cailab.comparison.ComparisonService;
import org.cailab.comparison.PairVote;
import org.cailab.pipeline.RunId;
import org.cailab.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The store of preference pairs, one for every kind of comparison label (imported human pairs, crowdworker votes,
 * sampled pairs waiting for a label, AI feedback): the transaction and role boundary for them. Researchers (and
 * admins, who are researchers too) import, read and export pairs; runs write them as the researcher who started them.
 */
@Service
@Transactional
public class PreferencePairService {

    static final String READERS = "hasRole('" + Role.RESEARCHER_ROLE + "')";
    static final int MAX_NAME_LENGTH = 200;
    private static final int BATCH = 500;
    private static final int PAGE = 1000;

    private final PreferencePairRepository pairs;
    private final ComparisonService comparisons;

    PreferencePairService(PreferencePairRepository pairs, ComparisonService comparisons) {
        this.pairs = pairs;
        this.comparisons = comparisons;
    }

    /**
     * Brings the crowdworker pairs up to date with the votes that count: a new vote becomes a pair (A better: 1, B
     * better: 0, tie or both bad: 0.5), and the pair of a vote that no longer counts (identity leak, worker excluded
     * since) is deleted with the AI labels about it. Votes are left out exactly as the ratings leave them out.
     */
    @PreAuthorize(READERS)
    public CrowdVoteSync syncCrowdVotes() {
        Set<Long> stored = pairs.storedVoteIds();
        Set<Long> counting = new HashSet<>();
        List<NewPreferencePair> added = new ArrayList<>();
        for (PairVote vote : comparisons.votesForPairs()) {
            counting.add(vote.voteId());
            if (!stored.contains(vote.voteId())) {
                CrowdVotes.pair(vote).ifPresent(added::add);
            }
        }
        int inserted = pairs.insertVotes(added);
        Set<Long> gone = new HashSet<>(stored);
        gone.removeAll(counting);
        int deleted = pairs.deleteVotes(gone);
        return new CrowdVoteSync(inserted, deleted);
    }

    /**
     * Imports an hh-rlhf file of {@code chosen}/{@code rejected} transcripts as human pairs: A is the chosen response,
     * B the rejected one, label 1.0. The file is streamed and the pairs written in batches inside this transaction, so
     * the import is all-or-nothing: a bad line rolls everything back and the {@link PairImportException} names it.
     */
    @PreAuthorize(READERS)
    public PairImport importHumanPairs(PairImportRequest request, InputStream data) {
        if (request.name().isEmpty() || request.name().length() > MAX_NAME_LENGTH) {
            throw new PairImportException("Give the import a name of 1-" + MAX_NAME_LENGTH + " characters.");
        }
        long importId = pairs.insertImport(request.name(), request.task(), request.fileName(), currentUsername())
                .orElseThrow(() -> new PairImportException("An import named '" + request.name() + "' already exists."));
        HhPairReader reader = new HhPairReader(data);
        List<Integer> skipped = new ArrayList<>();
        List<NewPreferencePair> batch = new ArrayList<>(BATCH);
        int count = 0;
        for (HhPairReader.HhPair pair; (pair = reader.next(skipped::add)) != null; ) {
            batch.add(new NewPreferencePair(
                    request.task(),
                    PairSource.HUMAN_IMPORT,
                    pair.conversation(),
                    pair.chosen(),
                    pair.rejected(),
                    1.0,
                    PairProvenance.imported(importId, request.name(), pair.line()),
                    null));
            count++;
            if (batch.size() == BATCH) {
                pairs.insertAll(batch);
                batch.clear();
            }
        }
        pairs.insertAll(batch);
        if (count == 0) {
            throw new PairImportException("The file contains no pairs.");
        }
        pairs.finishImport(importId, reader.linesRead(), count, skipped);
        return pairs.findImport(importId).orElseThrow();
    }

    /** Every import, newest first. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<PairImport> imports() {
        return pairs.findImports();
    }

    /** Deletes an import with its pairs (and the AI labels about them). */
    @PreAuthorize(READERS)
    public boolean deleteImport(long id) {
        return pairs.deleteImport(id);
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<PreferencePair> find(long id) {
        return pairs.find(id);
    }

    /** A page of the pairs that {@code filter} selects, in the order they were stored. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<PreferencePair> pairs(PairFilter filter, int offset, int limit) {
        return pairs.find(filter, Math.max(0, offset), Math.clamp(limit, 0, 10_000));
    }

    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public int count(PairFilter filter) {
        return pairs.count(filter);
    }

    /**
     * How a pair came about, as stored: for a sampled pair the seeds and sampling settings, for an AI label every
     * prompt sent, the raw log-probabilities, each intermediate probability and the reasoning texts.
     */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public Optional<JsonNode> details(long id) {
        return Optional.ofNullable(pairs.details(id));
    }

    /** The labels a run has stored so far (AI feedback), for its histogram. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public List<Double> labelsOfRun(RunId runId) {
        return pairs.labelsOfRun(runId.value());
    }

    /** The labels and position disagreements a labelling run has stored so far, for its page. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public LabellingProgress labellingProgress(RunId runId) {
        return pairs.labellingProgress(runId.value());
    }

    /**
     * How often AI labels agree with the crowdworkers' votes on the same pairs, per principle and per feedback
     * snapshot, with 95% intervals. Brings the crowdworker pairs up to date first.
     */
    @PreAuthorize(READERS)
    public AgreementReport agreement(PairTask task) {
        syncCrowdVotes();
        Map<String, int[]> byPrinciple = new TreeMap<>();
        Map<String, int[]> bySnapshot = new TreeMap<>();
        for (PreferencePairRepository.AgreementRow row : pairs.agreementRows(task)) {
            if (row.humanLabel() == 0.5 || row.aiLabel() == 0.5) {
                continue;
            }
            int agreed = (row.humanLabel() > 0.5) == (row.aiLabel() > 0.5) ? 1 : 0;
            for (String principle : new java.util.LinkedHashSet<>(row.principles())) {
                count(byPrinciple, principle, agreed);
            }
            count(bySnapshot, row.snapshotName(), agreed);
        }
        return new AgreementReport(task, agreements(byPrinciple), agreements(bySnapshot));
    }

    private static void count(Map<String, int[]> counts, String group, int agreed) {
        int[] c = counts.computeIfAbsent(group, g -> new int[2]);
        c[0]++;
        c[1] += agreed;
    }

    private static List<Agreement> agreements(Map<String, int[]> counts) {
        return counts.entrySet().stream()
                .map(e -> Agreement.of(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Writes the selected pairs as UTF-8 JSON lines; returns how many lines. The stream is flushed, not closed. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    public long export(PairFilter filter, PairExportFormat format, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        long lines = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<PreferencePair> page = pairs.find(filter, offset, PAGE);
            for (PreferencePair pair : page) {
                String line = PreferencePairJson.line(pair, format);
                if (line != null) {
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
     * Stores the pair a run item writes, once per run and item: when an earlier attempt at the item already stored
     * one, that one is kept and returned, so the item's output and the stored pair always agree.
     */
    @PreAuthorize(READERS)
    PreferencePair storeForRunItem(NewPreferencePair pair) {
        return pairs.insertForRunItem(pair);
    }

    /** The pair a run item stored, if an earlier attempt got that far. */
    @PreAuthorize(READERS)
    @Transactional(readOnly = true)
    Optional<PreferencePair> findForRunItem(long runId, String itemKey) {
        return pairs.findForRunItem(runId, itemKey);
    }

    static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }
}
