package org.cailab.constitution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two constitution contents: principles added, removed and changed (matched by key,
 * with the old and new text of each changed field), whether the principles were reordered, and how the
 * few-shot examples changed.
 *
 * @param slChanges      SL principle changes, in the order of the newer content (removed ones where they were)
 * @param rlChanges      RL principle changes, likewise
 * @param slReordered    whether the SL principles present in both contents appear in another order
 * @param rlReordered    likewise for RL principles
 * @param fewShotChanges one entry per few-shot section that changed
 */
public record ConstitutionDiff(
        List<PrincipleChange> slChanges,
        List<PrincipleChange> rlChanges,
        boolean slReordered,
        boolean rlReordered,
        List<FewShotChange> fewShotChanges) {

    /** How a principle changed. */
    public enum ChangeType {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** The few-shot sections of a constitution. */
    public enum FewShotSection {
        CRITIQUE_REVISION("Critique/revision examples"),
        MULTIPLE_CHOICE("Multiple-choice examples"),
        CHAIN_OF_THOUGHT("Chain-of-thought examples");

        private final String label;

        FewShotSection(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One field of a principle; for an added principle {@code oldText} is null, for a removed one {@code newText}.
     *
     * @param field the record component, for example {@code critiqueRequest}, {@code instruction} or {@code enabled}
     */
    public record FieldChange(
            String field,
            @Nullable String oldText,
            @Nullable String newText) {

        /** The word-level diff of the two texts (a missing side counts as empty). */
        public List<WordDiff.Segment> words() {
            return WordDiff.diff(oldText == null ? "" : oldText, newText == null ? "" : newText);
        }
    }

    /** A principle that was added, removed or changed; {@code fields} lists only the fields that differ. */
    public record PrincipleChange(String key, ChangeType type, List<FieldChange> fields) {

        public PrincipleChange {
            fields = List.copyOf(fields);
        }
    }

    /**
     * How one few-shot section changed. Examples have no keys, so an edited example counts as one removed and
     * one added.
     *
     * @param reordered whether the same examples now come in another order
     */
    public record FewShotChange(
            FewShotSection section, int oldCount, int newCount, int added, int removed, boolean reordered) {}

    public ConstitutionDiff {
        slChanges = List.copyOf(slChanges);
        rlChanges = List.copyOf(rlChanges);
        fewShotChanges = List.copyOf(fewShotChanges);
    }

    /** The changes that turn {@code from} into {@code to}. */
    public static ConstitutionDiff between(ConstitutionContent from, ConstitutionContent to) {
        return new ConstitutionDiff(
                principles(from.slPrinciples(), to.slPrinciples(), SlPrinciple::key, ConstitutionDiff::slFields),
                principles(from.rlPrinciples(), to.rlPrinciples(), RlPrinciple::key, ConstitutionDiff::rlFields),
                reordered(keys(from.slPrinciples(), SlPrinciple::key), keys(to.slPrinciples(), SlPrinciple::key)),
                reordered(keys(from.rlPrinciples(), RlPrinciple::key), keys(to.rlPrinciples(), RlPrinciple::key)),
                fewShots(from, to));
    }

    /** Whether nothing at all changed. */
    public boolean isEmpty() {
        return slChanges.isEmpty() && rlChanges.isEmpty() && !slReordered && !rlReordered && fewShotChanges.isEmpty();
    }

    private static Map<String, String> slFields(SlPrinciple p) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("critiqueRequest", p.critiqueRequest());
        fields.put("revisionRequest", p.revisionRequest());
        fields.put("enabled", String.valueOf(p.enabled()));
        return fields;
    }

    private static Map<String, String> rlFields(RlPrinciple p) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("instruction", p.instruction());
        fields.put("enabled", String.valueOf(p.enabled()));
        return fields;
    }

    private static <P> List<PrincipleChange> principles(
            List<P> from, List<P> to, Function<P, String> key, Function<P, Map<String, String>> fields) {
        Map<String, P> old = new LinkedHashMap<>();
        from.forEach(p -> old.putIfAbsent(key.apply(p), p));
        Map<String, P> current = new LinkedHashMap<>();
        to.forEach(p -> current.putIfAbsent(key.apply(p), p));
        List<PrincipleChange> changes = new ArrayList<>();
        for (P p : from) {
            if (!current.containsKey(key.apply(p))) {
                changes.add(new PrincipleChange(
                        key.apply(p),
                        ChangeType.REMOVED,
                        fields.apply(p).entrySet().stream()
                                .map(e -> new FieldChange(e.getKey(), e.getValue(), null))
                                .toList()));
            }
        }
        for (P p : current.values()) {
            P before = old.get(key.apply(p));
            if (before == null) {
                changes.add(new PrincipleChange(
                        key.apply(p),
                        ChangeType.ADDED,
                        fields.apply(p).entrySet().stream()
                                .map(e -> new FieldChange(e.getKey(), null, e.getValue()))
                                .toList()));
            } else if (!before.equals(p)) {
                Map<String, String> was = fields.apply(before);
                List<FieldChange> changed = fields.apply(p).entrySet().stream()
                        .filter(e -> !Objects.equals(was.get(e.getKey()), e.getValue()))
                        .map(e -> new FieldChange(e.getKey(), was.get(e.getKey()), e.getValue()))
                        .toList();
                changes.add(new PrincipleChange(key.apply(p), ChangeType.CHANGED, changed));
            }
        }
        return changes;
    }

    private static <P> List<String> keys(List<P> principles, Function<P, String> key) {
        return principles.stream().map(key).toList();
    }

    private static boolean reordered(List<String> from, List<String> to) {
        List<String> common = from.stream().filter(to::contains).toList();
        return !common.equals(to.stream().filter(from::contains).toList());
    }

    private static List<FewShotChange> fewShots(ConstitutionContent from, ConstitutionContent to) {
        List<FewShotChange> changes = new ArrayList<>();
        section(changes, FewShotSection.CRITIQUE_REVISION, from.critiqueExamples(), to.critiqueExamples());
        section(changes, FewShotSection.MULTIPLE_CHOICE, from.mcExamples(), to.mcExamples());
        section(changes, FewShotSection.CHAIN_OF_THOUGHT, from.cotExamples(), to.cotExamples());
        return changes;
    }

    private static <E> void section(List<FewShotChange> changes, FewShotSection section, List<E> from, List<E> to) {
        if (from.equals(to)) {
            return;
        }
        int added = unmatched(to, from);
        int removed = unmatched(from, to);
        changes.add(new FewShotChange(section, from.size(), to.size(), added, removed, added == 0 && removed == 0));
    }

    /** How many of {@code these} have no equal partner in {@code others}, counting duplicates. */
    private static <E> int unmatched(List<E> these, List<E> others) {
        Map<E, Integer> available = new HashMap<>();
        others.forEach(e -> available.merge(e, 1, Integer::sum));
        int unmatched = 0;
        for (E e : these) {
            if (available.getOrDefault(e, 0) > 0) {
                available.merge(e, -1, Integer::sum);
            } else {
                unmatched++;
            }
        }
        return unmatched;
    }
}
