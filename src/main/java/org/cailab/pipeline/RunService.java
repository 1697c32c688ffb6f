package org.cailab.pipeline;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.cailab.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Starts, pauses, resumes, cancels and reads runs: the transaction and role boundary of the pipeline. Researchers
 * (and admins, who are researchers too) may do all of it.
 *
 * <p>A run is planned and its items stored in the transaction that creates it, together with its worker
 * executions, so a run either exists completely or not at all.
 */
@Service
@Transactional
public class RunService {

    private static final String RESEARCHER = "hasRole('" + Role.RESEARCHER_ROLE + "')";

    private final RunRepository runs;
    private final RunStages stages;
    private final RunExecutions executions;
    private final ApplicationEventPublisher events;

    RunService(RunRepository runs, RunStages stages, RunExecutions executions, ApplicationEventPublisher events) {
        this.runs = runs;
        this.stages = stages;
        this.executions = executions;
        this.events = events;
    }

    /** The run types this app can start. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunTypeInfo> types() {
        return stages.infos();
    }

    /**
     * Plans the run with its stage, stores it with all its items and queues its workers. Fails with a {@link
     * RunException} naming the problem (unknown type, a missing required input, a configuration the stage refuses).
     */
    @PreAuthorize(RESEARCHER)
    public Run start(RunConfig config) {
        RunStage stage = stages.find(config.type())
                .orElseThrow(() -> new RunException("There is no run type '" + config.type() + "'."));
        for (RunInput input : stage.inputs()) {
            if (input.required() && !input.presentIn(config)) {
                throw new RunException("A " + stage.label() + " run needs " + input.describe() + ".");
            }
        }
        RunPlan plan;
        try {
            plan = stage.plan(config);
        } catch (IllegalArgumentException e) {
            throw new RunException(e.getMessage());
        }
        if (!plan.config().type().equals(config.type())) {
            throw new IllegalStateException("Stage " + stage.type() + " changed the run type while planning");
        }
        RunConfig recorded = plan.config();
        String user = currentUsername();
        long id = runs.insertRun(recorded, user, plan.items().size());
        runs.insertItems(id, plan.items());
        RunConfig.Execution execution = recorded.execution();
        runs.log(
                id,
                RunLogLevel.INFO,
                "Started by " + user + ": " + plan.items().size() + " items, " + execution.workers()
                        + " worker(s), up to " + execution.maxAttempts() + " attempt(s) per item.");
        executions.scheduleWorkers(id, 0, execution.workers());
        // the scheduler looks for the workers after the commit (RunWakeUp), not at all when this rolls back
        events.publishEvent(new RunWorkersQueued(id, 0, Instant.now()));
        return get(id);
    }

    /** Whether a run with this name (ignoring case) exists already: the start form warns before a second one. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public boolean nameInUse(String name) {
        return runs.nameExists(name);
    }

    /** Stops handing out items; items in progress finish. Only a queued or running run can be paused. */
    @PreAuthorize(RESEARCHER)
    public Run pause(RunId runId) {
        long id = runId.value();
        runs.changeState(id, EnumSet.of(RunState.QUEUED, RunState.RUNNING), RunState.PAUSED, false)
                .orElseThrow(() -> refused(id, "paused", "queued or running"));
        runs.log(id, RunLogLevel.INFO, "Paused by " + currentUsername() + ".");
        return get(id);
    }

    /** Lets a paused run go on where it stopped, with a new generation of workers. */
    @PreAuthorize(RESEARCHER)
    public Run resume(RunId runId) {
        long id = runId.value();
        int generation = runs.changeState(id, EnumSet.of(RunState.PAUSED), RunState.QUEUED, true)
                .orElseThrow(() -> refused(id, "resumed", "paused"));
        Run run = get(id);
        runs.log(id, RunLogLevel.INFO, "Resumed by " + currentUsername() + ".");
        executions.scheduleWorkers(id, generation, run.config().execution().workers());
        events.publishEvent(new RunWorkersQueued(id, generation, Instant.now()));
        return run;
    }

    /** Ends a run for good; items in progress finish, the rest stay unprocessed. */
    @PreAuthorize(RESEARCHER)
    public Run cancel(RunId runId) {
        long id = runId.value();
        runs.changeState(id, EnumSet.of(RunState.QUEUED, RunState.RUNNING, RunState.PAUSED), RunState.CANCELLED, false)
                .orElseThrow(() -> refused(id, "cancelled", "queued, running or paused"));
        runs.log(id, RunLogLevel.WARN, "Cancelled by " + currentUsername() + ".");
        return get(id);
    }

    /** The most recent runs with their progress, newest first. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunSummary> findRecent(int limit) {
        return runs.findSummaries(null, Math.clamp(limit, 1, 1000));
    }

    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public Optional<RunSummary> find(RunId runId) {
        long id = runId.value();
        return runs.findSummaries(id, 1).stream().findFirst();
    }

    /** The last {@code limit} lines of a run's log, oldest first. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunLogEntry> log(RunId runId, int limit) {
        long id = runId.value();
        return runs.findLog(id, Math.clamp(limit, 1, 10_000));
    }

    /** A page of a run's items in processing order, all or only those in {@code state}, with outputs. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunItem> items(RunId runId, @Nullable RunItemState state, int offset, int limit) {
        long id = runId.value();
        return runs.findItems(id, state, Math.max(0, offset), Math.clamp(limit, 0, 10_000));
    }

    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public int countItems(RunId runId, @Nullable RunItemState state) {
        long id = runId.value();
        return runs.countItems(id, state);
    }

    /**
     * A page of the done items of a run in processing order, only those whose output contains {@code containing}
     * when it is given (PostgreSQL's jsonb containment {@code @>}: {@code {"rounds":[{"key":"a"}]}} matches outputs
     * with a round whose key is "a"). Stages' own views and exports read outputs this way.
     */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunItem> outputs(RunId runId, @Nullable JsonNode containing, int offset, int limit) {
        long id = runId.value();
        return runs.findOutputs(id, containing, Math.max(0, offset), Math.clamp(limit, 0, 10_000));
    }

    /** How many done items {@link #outputs} finds. */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public int countOutputs(RunId runId, @Nullable JsonNode containing) {
        long id = runId.value();
        return runs.countOutputs(id, containing);
    }

    /** The pages and downloads the run's stage offers for it, as route targets (empty when the type is unknown here). */
    @PreAuthorize(RESEARCHER)
    @Transactional(readOnly = true)
    public List<RunLink> links(RunId runId) {
        long id = runId.value();
        Run run = get(id);
        return stages.find(run.type()).map(stage -> stage.links(run)).orElse(List.of());
    }

    private Run get(long id) {
        return runs.findRun(id)
                .map(RunRepository.StoredRun::run)
                .orElseThrow(() -> new RunException("There is no run " + id + "."));
    }

    private RunException refused(long id, String action, String allowed) {
        return runs.findRun(id)
                .map(r -> new RunException(
                        "Run " + id + " is " + r.run().state().label().toLowerCase() + "; only a " + allowed
                                + " run can be " + action + "."))
                .orElseGet(() -> new RunException("There is no run " + id + "."));
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }
}
