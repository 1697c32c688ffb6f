package org.cailab.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cailab.model.engine.CausalLm;
import org.cailab.model.engine.ModelFormatException;
import org.cailab.model.engine.PreferenceModel;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers model snapshots. A local directory is checked before it is registered: config.json, every
 * tensor's presence and shape, and tokenizer.json must load, so a broken checkpoint is refused with a message
 * naming the file and tensor instead of failing later in a crowdworker's chat.
 */
@Service
@Transactional
public class ModelRegistry {

    private final ModelSnapshotRepository snapshots;
    private final ModelProperties properties;

    private final RemoteModels remoteModels;
    private final Environment environment;

    ModelRegistry(
            ModelSnapshotRepository snapshots,
            ModelProperties properties,
            RemoteModels remoteModels,
            Environment environment) {
        this.snapshots = snapshots;
        this.properties = properties;
        this.remoteModels = remoteModels;
        this.environment = environment;
    }

    /** Registers a model directory by hand (admin page). */
    @PreAuthorize("hasRole('ADMIN')")
    public ModelSnapshot register(NewSnapshot snapshot) {
        return registerChecked(snapshot);
    }

    /** Registers a snapshot that a pipeline run produced (researchers start runs). */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    public ModelSnapshot registerProduced(NewSnapshot snapshot) {
        return registerChecked(snapshot);
    }

    /**
     * Registers a snapshot served by OpenAI-compatible servers (admin page, or configuration at start). Nothing is
     * asked of the servers here: they may still be starting; the Models page shows whether they answer.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public ModelSnapshot registerRemote(String name, SnapshotKind kind, RemoteBackend backend, String description) {
        String variable = backend.apiKeyEnv();
        if (variable != null && environment.getProperty(variable, "").isBlank()) {
            throw new ModelRegistrationException("The environment variable " + variable + " (that should hold the API"
                    + " key) is not set in this application's environment.");
        }
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        ModelSnapshot snapshot = insert(
                new NewSnapshot(
                        name, kind, backend.location(), null, null, null, description == null ? "" : description),
                user);
        snapshots.insertRemote(snapshot.id(), backend);
        return snapshot;
    }

    /** Registers a remote snapshot from configuration at start, unless one of that name exists. */
    Optional<ModelSnapshot> registerRemoteSystem(String name, SnapshotKind kind, RemoteBackend backend) {
        if (snapshots.findByName(name).isPresent()) {
            return Optional.empty();
        }
        ModelSnapshot snapshot = insert(
                new NewSnapshot(name, kind, backend.location(), null, null, null, "registered from configuration"),
                "system");
        snapshots.insertRemote(snapshot.id(), backend);
        return Optional.of(snapshot);
    }

    /** Where a snapshot is served when it is remote; empty for a local directory. */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<RemoteBackend> remoteBackend(long snapshotId) {
        return snapshots.findRemote(snapshotId);
    }

    /** Asks every remote snapshot's servers for their models (reachable, models served, latency). */
    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<BackendHealth> backendHealth() {
        return remoteModels.health(snapshots.findAll());
    }

    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<ModelSnapshot> list() {
        return snapshots.findAll();
    }

    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ModelSnapshot> find(long id) {
        return snapshots.findById(id);
    }

    @PreAuthorize("hasAnyRole('RESEARCHER', 'ADMIN')")
    @Transactional(readOnly = true)
    public Optional<ModelSnapshot> findByName(String name) {
        return snapshots.findByName(name);
    }

    /** The demo snapshots (created on first start), oldest first. No role check: used at start-up. */
    @Transactional(readOnly = true)
    List<ModelSnapshot> demoSnapshots() {
        return snapshots.findByKind(SnapshotKind.DEMO);
    }

    /** Registers without a signed-in user; only for the start-up demo models. */
    ModelSnapshot registerSystem(NewSnapshot snapshot) {
        return insert(snapshot, "system");
    }

    private ModelSnapshot registerChecked(NewSnapshot snapshot) {
        validate(snapshot);
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        return insert(snapshot, user);
    }

    private ModelSnapshot insert(NewSnapshot snapshot, String user) {
        if (snapshot.name() == null
                || snapshot.name().isBlank()
                || snapshot.name().length() > 100) {
            throw new ModelRegistrationException("A snapshot needs a name of 1-100 characters.");
        }
        if (snapshot.parentId() != null
                && snapshots.findById(snapshot.parentId()).isEmpty()) {
            throw new ModelRegistrationException("Parent snapshot " + snapshot.parentId() + " does not exist.");
        }
        return snapshots
                .insert(snapshot, user)
                .orElseThrow(() ->
                        new ModelRegistrationException("A snapshot named '" + snapshot.name() + "' already exists."));
    }

    private void validate(NewSnapshot snapshot) {
        Path dir = Path.of(snapshot.location());
        if (snapshot.kind() == SnapshotKind.PREFERENCE_MODEL) {
            validatePreferenceModel(dir);
            return;
        }
        try (CausalLm ignored = LoadedModels.open(dir, LoadedModels.device(properties.device()))) {
            // loading checks config, tensors and tokenizer; nothing else to do
        }
    }

    /** A preference model has a score head instead of an LM head: load it as such. */
    private void validatePreferenceModel(Path dir) {
        if (!java.nio.file.Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new ModelRegistrationException("Model directory " + dir + " has no tokenizer.json.");
        }
        try (PreferenceModel ignored = PreferenceModel.load(dir, LoadedModels.device(properties.device()))) {
            // loading checks config (a one-label sequence classifier), tensors, score head and tokenizer
        } catch (ModelFormatException e) {
            throw new ModelRegistrationException(e.getMessage(), e);
        }
    }
}
