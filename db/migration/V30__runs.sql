-- Pipeline runs: every long job is a run of one type over a planned list of items (see docs/decisions/0002).

-- db-scheduler's execution table (schema of db-scheduler 16.x for PostgreSQL). It drives the run workers:
-- one execution per worker slot of a run; a dead instance's executions are found by their stale heartbeat.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

create table pipeline_run (
    id          bigint generated always as identity primary key,
    type        text        not null,
    name        text        not null,
    -- the whole RunConfig as JSON, exactly as the run was started (constitution, models, prompt set, sampling, seed)
    config      jsonb       not null,
    state       text        not null check (state in ('QUEUED', 'RUNNING', 'PAUSED', 'FAILED', 'CANCELLED', 'FINISHED')),
    -- bumped on every resume: workers of an older generation stop, so a pause/resume never runs two sets of workers
    generation  integer     not null default 0,
    total_items integer     not null check (total_items >= 0),
    error       text,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    started_at  timestamptz,
    ended_at    timestamptz,
    updated_at  timestamptz not null default now()
);
create index pipeline_run_state_idx on pipeline_run (state);

create table pipeline_run_item (
    id          bigint generated always as identity primary key,
    run_id      bigint      not null references pipeline_run (id) on delete cascade,
    seq         integer     not null,
    item_key    text        not null,
    input       jsonb       not null,
    state       text        not null default 'PENDING' check (state in ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts    integer     not null default 0,
    -- earliest time of the next attempt after a failure (retry back-off)
    not_before  timestamptz,
    -- the claim: who works on the item, a fencing token that changes with every claim, and until when
    lease_owner text,
    lease_token uuid,
    lease_until timestamptz,
    last_error  text,
    started_at  timestamptz,
    finished_at timestamptz,
    constraint pipeline_run_item_seq_key unique (run_id, seq),
    constraint pipeline_run_item_key_key unique (run_id, item_key),
    constraint pipeline_run_item_lease check ((state = 'RUNNING') = (lease_token is not null))
);
-- claiming looks only at open items; counting progress at states and finish times
create index pipeline_run_item_open_idx on pipeline_run_item (run_id, seq) where state in ('PENDING', 'RUNNING');
create index pipeline_run_item_state_idx on pipeline_run_item (run_id, state);
create index pipeline_run_item_finished_idx on pipeline_run_item (run_id, finished_at);

-- one output per item (the primary key makes a second one impossible), written in the transaction that marks
-- the item done
create table pipeline_run_output (
    item_id    bigint      primary key references pipeline_run_item (id) on delete cascade,
    run_id     bigint      not null references pipeline_run (id) on delete cascade,
    output     jsonb       not null,
    worker     text        not null,
    created_at timestamptz not null default now()
);
create index pipeline_run_output_run_idx on pipeline_run_output (run_id, item_id);

create table pipeline_run_log (
    id      bigint generated always as identity primary key,
    run_id  bigint      not null references pipeline_run (id) on delete cascade,
    at      timestamptz not null default clock_timestamp(),
    level   text        not null check (level in ('INFO', 'WARN', 'ERROR')),
    message text        not null
);
create index pipeline_run_log_run_idx on pipeline_run_log (run_id, id);
