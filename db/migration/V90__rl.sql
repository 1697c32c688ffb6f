-- RL-CAI runs: what each RL step measured (live metrics on the run page) and sample responses per registered
-- snapshot. Rows are keyed by run and step and written with upserts: a segment of steps redone after a crash writes
-- the same values again (the steps are deterministic), never a second row.
create table rl_step_metric (
    run_id          bigint           not null references pipeline_run (id) on delete cascade,
    step            integer          not null check (step >= 1),
    prompts_seen    bigint           not null check (prompts_seen >= 0),
    mean_reward     double precision not null,
    kl              double precision not null,
    kl_coefficient  double precision not null,
    entropy         double precision not null,
    response_tokens double precision not null,
    clip_fraction   double precision not null,
    policy_loss     double precision not null,
    value_loss      double precision not null,
    rollout_seconds double precision not null,
    update_seconds  double precision not null,
    recorded_at     timestamptz      not null default now(),
    primary key (run_id, step)
);

create table rl_sample (
    run_id       bigint           not null references pipeline_run (id) on delete cascade,
    -- prompts trained on when the snapshot was taken (the snapshot's step)
    step         bigint           not null check (step >= 0),
    position     integer          not null check (position >= 0),
    snapshot_id  bigint           references model_snapshot (id) on delete set null,
    prompt       text             not null,
    response     text             not null,
    reward       double precision not null,
    kl           double precision not null,
    primary key (run_id, step, position)
);
