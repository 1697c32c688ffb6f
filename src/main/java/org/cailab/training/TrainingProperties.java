package org.cailab.training;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Training settings ({@code cailab.training.*}).
 *
 * @param hhhFile the paper's {@code 438HHHEvaluations.jsonl}; when set, every preference model a run trains is
 *                evaluated on its comparisons (the paper's Figure 4 metric) and the accuracy is shown with its
 *                checkpoint ({@code CAILAB_HHH_FILE})
 */
@ConfigurationProperties(prefix = "cailab.training")
public record TrainingProperties(@Nullable String hhhFile) {}
