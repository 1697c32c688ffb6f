-- Harm-predictor training (run type harm-train): the held-out Spearman rank correlation of predicted against rated
-- harm, next to the held-out loss (then the mean squared error) of the same step.
alter table training_metric
    add column rank_correlation double precision;
