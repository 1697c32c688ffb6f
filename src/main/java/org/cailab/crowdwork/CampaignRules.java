package org.cailab.crowdwork;

import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How a task type's campaign settings are checked by {@link CampaignChecks}.
 *
 * @param minPool   the fewest distinct snapshots a pool has (1 or 2 today)
 * @param quotaUnit what the quota counts, in the singular ("vote", "attempt")
 * @param printable the dialogue kernel's text hygiene for text that workers will read
 * @param error     the task type's exception for a message meant for the researcher
 */
public record CampaignRules(
        int minPool,
        String quotaUnit,
        UnaryOperator<String> printable,
        Function<String, ? extends CampaignException> error) {}
