-- The standard evaluation of a preference-model checkpoint: accuracy on the paper's HHH comparisons.
alter table training_checkpoint
    add column hhh_accuracy    double precision,
    add column hhh_comparisons integer;
