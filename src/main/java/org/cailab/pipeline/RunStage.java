package org.cailab.pipeline;

import java.util.List;

/**
 * A kind of run (critique/revision, AI feedback labelling, training, statistics...): the SPI that pipeline stages
 * implement as Spring beans. The run engine finds every bean of this type; {@link #type()} must be unique.
 *
 * <p>The engine calls {@link #plan} once when a researcher starts a run, and then {@link #process} once per item on
 * some worker of some app instance. An item's output is stored in the transaction that marks it done, so a crash
 * redoes only the items that were in progress: {@code process} may be called again for an item whose earlier call
 * was cut off, and must therefore not have side effects outside its result (or key them by run id and item key).
 * A {@code process} that throws fails that attempt; the item is retried up to
 * {@link RunConfig.Execution#maxAttempts()} attempts and then recorded as failed with the error.
 *
 * <p>Both methods run with the security identity of the user who started the run (role researcher), so a stage
 * may call other modules' services.
 */
public interface RunStage {

    /** Stable identifier stored with each run, for example {@code "sl-cai-revision"}: lower-case letters, digits, '-'. */
    String type();

    /** Human name shown on the runs page. */
    String label();

    /** One sentence for the start form. */
    default String description() {
        return "";
    }

    /**
     * What a run of this type reads from other modules, in the order the start form shows them: a prompt set, a
     * constitution version, a model snapshot per role ({@link RunInput}). The engine refuses a run that lacks a
     * required input; the snapshots are {@link RunConfig#modelSnapshots()} in the order of the snapshot inputs.
     */
    default List<RunInput> inputs() {
        return List.of();
    }

    /** The stage-specific settings the start form offers, in order; {@link #plan} checks their values. */
    default List<RunParameter> parameters() {
        return List.of();
    }

    /** How runs of this type are executed unless the researcher says otherwise (the start form's defaults). */
    default RunConfig.Execution defaultExecution() {
        return RunConfig.Execution.DEFAULT;
    }

    /** What one item is, in the plural, for progress and rates ("chains" shows "chains/min"). */
    default String itemsLabel() {
        return "items";
    }

    /**
     * Pages and downloads about a run of this type (its outputs in a dedicated browser, exports), as route targets:
     * the run page builds the URLs.
     */
    default List<RunLink> links(Run run) {
        return List.of();
    }

    /**
     * Checks the configuration and lists the items, in processing order, with unique keys. Runs in the transaction
     * that creates the run; throw {@link RunException} with a message for the user when the configuration does not
     * fit. The returned plan's configuration is the one recorded with the run, so a stage may complete it (for
     * example record the prompt set's name or resolve "latest" to a version).
     */
    RunPlan plan(RunConfig config);

    /** Processes one item and returns its output; called outside any transaction. */
    ItemResult process(RunContext context, ItemInput item) throws Exception;
}
