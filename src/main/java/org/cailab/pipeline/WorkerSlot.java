package org.cailab.pipeline;

/**
 * One worker of a run, as a db-scheduler execution: the run, the worker generation (bumped on every resume) and
 * the slot number. Its id is the execution's instance id, so a slot is never scheduled twice.
 */
record WorkerSlot(long runId, int generation, int slot) {

    String id() {
        return runId + "/" + generation + "/" + slot;
    }

    static WorkerSlot parse(String id) {
        String[] parts = id.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a worker slot id: " + id);
        }
        return new WorkerSlot(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
