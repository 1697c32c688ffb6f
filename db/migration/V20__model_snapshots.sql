-- Registered model snapshots: every model the pipeline, the crowdworkers and the dashboards refer to.
create table model_snapshot
(
    id          bigint generated always as identity primary key,
    name        text        not null,
    kind        text        not null,
    location    text        not null,
    parent_id   bigint      references model_snapshot (id),
    run_id      bigint,
    step        bigint,
    description text        not null default '',
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    constraint model_snapshot_name_format check (length(name) between 1 and 100),
    constraint model_snapshot_kind_check check (kind in ('PRETRAINED', 'HELPFUL', 'SL_CAI', 'RL_CAI',
                                                         'PREFERENCE_MODEL', 'HARM_PREDICTOR', 'DEMO')),
    constraint model_snapshot_step_check check (step is null or step >= 0)
);

create unique index model_snapshot_name_key on model_snapshot (lower(name));
create index model_snapshot_run_idx on model_snapshot (run_id, step);
