package org.cailab.training;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cailab.model.ModelRegistry;
import org.cailab.model.ModelSnapshot;
import org.cailab.model.SnapshotKind;
import org.cailab.model.engine.HhhEvaluation;
import org.cailab.model.engine.PreferenceModel;
import org.cailab.pipeline.RunException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Scores responses with a registered preference-model snapshot (the paper's PM: a scalar reward per conversation +
 * response), batched. The last {@value #KEEP_OPEN} snapshots used stay loaded so that a scoring run's batches do not
 * reload the weights; a snapshot in use is never closed. Scoring runs outside any transaction.
 */
@Service
public class PreferenceModelService {

    static final String READERS = "hasAnyRole('RESEARCHER', 'ADMIN')";
    /** Tokens read per text when the caller gives no limit: the reward is read at the end, so the start goes. */
    public static final int DEFAULT_MAX_LENGTH = 1024;

    static final int KEEP_OPEN = 2;

    private final ModelRegistry registry;
    private final TrainingDirectories directories;
    private final Map<Long, Open> open = new HashMap<>();
    private long uses;

    PreferenceModelService(ModelRegistry registry, TrainingDirectories directories) {
        this.registry = registry;
        this.directories = directories;
    }

    /**
     * The rewards of {@code responses} after {@code conversations} (Human/Assistant transcripts ending in
     * {@code "\n\nAssistant:"}; each response continues it, usually after a space), {@link PreferenceModel#DEFAULT_BATCH}
     * rows per forward pass, each text cut to its last {@code maxLength} tokens.
     *
     * @throws RunException when the snapshot does not exist or is not a preference model
     */
    @PreAuthorize(READERS)
    public float[] score(long snapshotId, List<String> conversations, List<String> responses, int maxLength) {
        if (conversations.size() != responses.size()) {
            throw new IllegalArgumentException(
                    conversations.size() + " conversations but " + responses.size() + " responses");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, not " + maxLength);
        }
        ModelSnapshot snapshot = preferenceModel(snapshotId);
        PreferenceModel model = acquire(snapshot);
        try {
            List<long[]> ids = new ArrayList<>(conversations.size());
            for (int i = 0; i < conversations.size(); i++) {
                ids.add(tail(model.encode(conversations.get(i), responses.get(i)), maxLength));
            }
            return model.scoreIds(ids, PreferenceModel.DEFAULT_BATCH);
        } finally {
            release(snapshotId);
        }
    }

    /** The paper's PM evaluation (its Figure 4): the share of comparisons whose correct transcript scores higher. */
    @PreAuthorize(READERS)
    public HhhEvaluation.Result evaluate(long snapshotId, List<HhhEvaluation.Comparison> comparisons, int maxLength) {
        ModelSnapshot snapshot = preferenceModel(snapshotId);
        PreferenceModel model = acquire(snapshot);
        try {
            return HhhEvaluation.evaluate(model, comparisons, PreferenceModel.DEFAULT_BATCH, maxLength);
        } finally {
            release(snapshotId);
        }
    }

    /** The snapshot, checked to be a local preference model. */
    @PreAuthorize(READERS)
    public ModelSnapshot preferenceModel(long snapshotId) {
        ModelSnapshot snapshot = registry.find(snapshotId)
                .orElseThrow(() -> new RunException("There is no model snapshot " + snapshotId + "."));
        if (snapshot.kind() != SnapshotKind.PREFERENCE_MODEL) {
            throw new RunException(
                    "Snapshot \"" + snapshot.name() + "\" is a " + snapshot.kind() + " model, not a preference model.");
        }
        return snapshot;
    }

    /**
     * The snapshot named by {@code reference}, its id or its name (as a run's form gives it), checked to be a local
     * preference model.
     *
     * @param missing the error when {@code reference} is blank, saying what the preference model is for
     */
    @PreAuthorize(READERS)
    public ModelSnapshot preferenceModel(String reference, String missing) {
        String value = reference.strip();
        if (value.isEmpty()) {
            throw new RunException(missing);
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return preferenceModel(Long.parseLong(value));
        }
        ModelSnapshot named = registry.findByName(value)
                .orElseThrow(() -> new RunException("There is no model snapshot named \"" + value + "\"."));
        return preferenceModel(named.id());
    }

    /** Loads under the lock: two threads asking for the same snapshot share one copy of its weights. */
    private synchronized PreferenceModel acquire(ModelSnapshot snapshot) {
        Open entry = open.get(snapshot.id());
        if (entry == null) {
            entry = new Open(PreferenceModel.load(Path.of(snapshot.location()), directories.device()));
            open.put(snapshot.id(), entry);
        }
        entry.users++;
        entry.lastUse = ++uses;
        evictIdle();
        return entry.model;
    }

    private synchronized void release(long snapshotId) {
        Open entry = open.get(snapshotId);
        if (entry != null) {
            entry.users--;
            evictIdle();
        }
    }

    /** Closes the least recently used idle models beyond {@link #KEEP_OPEN}. */
    private void evictIdle() {
        while (open.size() > KEEP_OPEN) {
            Map.Entry<Long, Open> oldest = null;
            for (Map.Entry<Long, Open> e : open.entrySet()) {
                if (e.getValue().users == 0 && (oldest == null || e.getValue().lastUse < oldest.getValue().lastUse)) {
                    oldest = e;
                }
            }
            if (oldest == null) {
                return;
            }
            open.remove(oldest.getKey());
            oldest.getValue().model.close();
        }
    }

    @PreDestroy
    synchronized void closeAll() {
        open.values().forEach(e -> e.model.close());
        open.clear();
    }

    private static long[] tail(long[] ids, int max) {
        return ids.length <= max ? ids : Arrays.copyOfRange(ids, ids.length - max, ids.length);
    }

    private static final class Open {
        final PreferenceModel model;
        int users;
        long lastUse;

        Open(PreferenceModel model) {
            this.model = model;
        }
    }
}
