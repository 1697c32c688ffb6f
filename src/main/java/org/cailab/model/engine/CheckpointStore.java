package org.cailab.model.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The checkpoints of one training run in a directory: {@code checkpoint-<step>} each, written into a temporary
 * directory first and renamed when complete, so a process killed while saving leaves no half-written checkpoint
 * that {@link #latest} would return.
 */
public final class CheckpointStore {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d+)");

    private final Path root;

    public CheckpointStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Where the checkpoint of a step lives (whether or not it exists). */
    public Path directory(int step) {
        return root.resolve("checkpoint-" + step);
    }

    /** Saves the trainer's model, optimizer and step (plus tokenizer files) as the checkpoint of its current step. */
    public Path save(Trainer trainer, @Nullable Path tokenizerDir) {
        Path target = directory(trainer.step());
        Path temporary = root.resolve(".tmp-checkpoint-" + trainer.step() + "-"
                + ProcessHandle.current().pid());
        try {
            Files.createDirectories(root);
            deleteTree(temporary);
            trainer.saveCheckpoint(temporary, tokenizerDir);
            deleteTree(target);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** The completed checkpoints' steps, ascending. */
    public List<Integer> steps() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> NAME.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .filter(step -> Files.isRegularFile(directory(step).resolve(Trainer.STATE_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": " + e.getMessage(), e);
        }
    }

    /** The checkpoint with the highest step, if any. */
    public Optional<Path> latest() {
        List<Integer> steps = steps();
        return steps.isEmpty() ? Optional.empty() : Optional.of(directory(steps.getLast()));
    }

    /** Deletes the checkpoint of a step (no error when there is none). */
    public void delete(int step) {
        try {
            deleteTree(directory(step));
        } catch (IOException e) {
            throw new UncheckedIOException(directory(step) + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
