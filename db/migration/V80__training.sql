-- Training runs (SL finetuning, preference model): their loss curves and checkpoints. A training run is one
-- pipeline item that may be redone after a crash from its last checkpoint; rows are keyed by run and step and
-- written with upserts, so a redone step replaces its row instead of adding a second one.
create table training_metric
(
    run_id        bigint           not null references pipeline_run (id) on delete cascade,
    split         text             not null,
    step          integer          not null,
    loss          double precision not null,
    accuracy      double precision,
    learning_rate double precision,
    tokens        bigint           not null default 0,
    seconds       double precision not null default 0,
    total_steps   integer          not null,
    recorded_at   timestamptz      not null default now(),
    primary key (run_id, split, step),
    constraint training_metric_split_check check (split in ('TRAIN', 'HELD_OUT')),
    constraint training_metric_step_check check (step >= 0 and step <= total_steps)
);

create table training_checkpoint
(
    run_id      bigint      not null references pipeline_run (id) on delete cascade,
    step        integer     not null,
    location    text        not null,
    final       boolean     not null default false,
    snapshot_id bigint references model_snapshot (id),
    created_at  timestamptz not null default now(),
    primary key (run_id, step),
    constraint training_checkpoint_step_check check (step > 0)
);
