package org.cailab.crowdwork;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cailab.model.ModelService;
import org.springframework.stereotype.Component;

/**
 * The checks every campaign's settings pass before they are stored, with the task type's wording and exception
 * ({@link CampaignRules}): name, instructions, a pool of known snapshots (names taken from the model registry,
 * duplicates dropped), turn limit, quota and completion code. Called inside the task type's services, which hold
 * the role check and the transaction.
 */
@Component
public class CampaignChecks {

    private static final Pattern COMPLETION_CODE = Pattern.compile("[A-Za-z0-9]{4,32}");
    private static final int MAX_TEXT = 20_000;

    private final ModelService models;

    CampaignChecks(ModelService models) {
        this.models = models;
    }

    /** The settings as they will be stored (stripped, pool named), or the task type's exception saying what is off. */
    public CampaignBasics checked(CampaignBasics s, CampaignRules rules) {
        String name = required(s.name(), "The name", rules);
        if (name.length() > 200) {
            throw rules.error().apply("The name can be at most 200 characters long.");
        }
        String instructions = required(s.instructions(), "The instructions", rules);
        Set<Long> seen = new HashSet<>();
        List<PoolSnapshot> pool = s.pool().stream()
                .filter(p -> seen.add(p.snapshotId()))
                .map(p -> new PoolSnapshot(
                        p.snapshotId(),
                        models.snapshot(p.snapshotId())
                                .orElseThrow(
                                        () -> rules.error().apply("There is no model snapshot " + p.snapshotId() + "."))
                                .name(),
                        p.weight()))
                .toList();
        if (pool.size() < rules.minPool()) {
            throw rules.error()
                    .apply("Choose at least "
                            + (rules.minPool() == 1 ? "one model snapshot" : "two model snapshots")
                            + " for the pool.");
        }
        if (s.turnLimit() < 1 || s.turnLimit() > 50) {
            throw rules.error().apply("The turn limit must be between 1 and 50.");
        }
        if (s.quotaPerWorker() != null && s.quotaPerWorker() < 1) {
            throw rules.error().apply("A quota must be at least 1 " + rules.quotaUnit() + ".");
        }
        String code = s.completionCode() == null ? "" : s.completionCode().strip();
        if (!COMPLETION_CODE.matcher(code).matches()) {
            throw rules.error().apply("The completion code must be 4 to 32 letters or digits.");
        }
        return new CampaignBasics(name, instructions, pool, s.turnLimit(), s.quotaPerWorker(), s.open(), code);
    }

    /** Researcher text (names, instructions, gold items): printable, stripped, not empty, at most 20,000 characters. */
    public String required(String text, String what, CampaignRules rules) {
        String stripped = text == null ? "" : rules.printable().apply(text).strip();
        if (stripped.isEmpty()) {
            throw rules.error().apply(what + " must not be empty.");
        }
        if (stripped.length() > MAX_TEXT) {
            throw rules.error().apply(what + " can be at most " + MAX_TEXT + " characters long.");
        }
        return stripped;
    }
}
