-- Standard evaluations stored with a model snapshot (issue 13): a preference model's accuracy on a set of
-- (correct, incorrect) transcript pairs, such as the paper's 438 HHH comparisons, so the Models page shows it.
-- One row per snapshot and evaluation; evaluating again replaces the row (an upsert), so an evaluation redone after
-- a crash is stored once.
create table model_snapshot_evaluation
(
    snapshot_id  bigint      not null references model_snapshot (id) on delete cascade,
    evaluation   text        not null,
    correct      integer     not null,
    comparisons  integer     not null,
    run_id       bigint,
    evaluated_at timestamptz not null default now(),
    primary key (snapshot_id, evaluation),
    constraint model_snapshot_evaluation_name_check check (length(btrim(evaluation)) between 1 and 200),
    constraint model_snapshot_evaluation_count_check check (comparisons > 0 and correct between 0 and comparisons)
);

-- Preference models trained before this table existed keep their HHH result on the training checkpoint: copy it
-- (the file's name was not recorded then).
insert into model_snapshot_evaluation (snapshot_id, evaluation, correct, comparisons, run_id, evaluated_at)
select snapshot_id, 'HHH evaluation (training run)', round(hhh_accuracy * hhh_comparisons)::integer, hhh_comparisons,
       run_id, created_at
from training_checkpoint
where snapshot_id is not null
  and hhh_accuracy is not null
  and hhh_comparisons > 0
on conflict do nothing;
