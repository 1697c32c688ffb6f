-- The whole-pipeline run (run type "pipeline"): each of its stages is an ordinary child run. This table links a
-- pipeline run to the child run (or comparison campaigns) of each stage attempt. A row and its child run are created
-- in one transaction and the (pipeline, stage, attempt) key is unique, so a pipeline item redone after a crash or
-- kill -9 finds the child it already started instead of starting a second one.
create table pipeline_stage (
    pipeline_run_id bigint      not null references pipeline_run (id) on delete cascade,
    stage_key       text        not null check (stage_key ~ '^[a-z0-9-]{1,64}$'),
    attempt         integer     not null check (attempt >= 1),
    -- the child run of this attempt (null for a stage that is not a run, such as the comparison campaigns)
    child_run_id    bigint      references pipeline_run (id) on delete set null,
    -- null while the attempt goes on; 'succeeded' with its result, or 'failed' once the pipeline stopped on it
    outcome         text        check (outcome in ('succeeded', 'failed')),
    -- what the stage produced that later stages use (snapshot ids, campaign ids), written when it succeeded
    result          jsonb,
    message         text,
    created_at      timestamptz not null default now(),
    primary key (pipeline_run_id, stage_key, attempt)
);

create unique index pipeline_stage_child on pipeline_stage (child_run_id) where child_run_id is not null;
