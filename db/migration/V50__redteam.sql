-- Red teaming (Bai et al. 2022, section 4.4; Ganguli et al. 2022): a worker talks with one anonymous model, tries to
-- make it say something harmful, and rates their own success 0-4 at the end. Attempts come from our own campaigns
-- (source LIVE) or from an imported file of the public hh-rlhf red-team attempts (source IMPORTED).
-- Snapshots belong to the model registry; they are referenced by id and their name is copied, as in comparisons.

create table redteam_campaign (
    id               bigint generated always as identity primary key,
    name             text        not null check (length(btrim(name)) between 1 and 200),
    instructions     text        not null,
    turn_limit       integer     not null check (turn_limit between 1 and 50),
    -- null: no quota; otherwise the number of rated attempts after which a worker is done with the campaign
    quota_per_worker integer check (quota_per_worker >= 1),
    -- whether the worker is also asked how harmful their task itself was (optional answer)
    ask_task_harm    boolean     not null default true,
    is_open          boolean     not null default false,
    completion_code  text        not null check (completion_code ~ '^[A-Za-z0-9]{4,32}$'),
    created_by       text        not null,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0
);

-- the snapshots a campaign assigns attempts to, one drawn per attempt with probability proportional to weight
create table redteam_pool_snapshot (
    campaign_id   bigint           not null references redteam_campaign (id) on delete cascade,
    snapshot_id   bigint           not null,
    snapshot_name text             not null,
    weight        double precision not null default 1 check (weight > 0 and weight <= 1000),
    primary key (campaign_id, snapshot_id)
);

-- a worker's membership in a campaign; its row is locked by every request of that worker in that campaign
create table redteam_participation (
    campaign_id        bigint      not null references redteam_campaign (id) on delete cascade,
    worker_id          bigint      not null references app_user (id),
    guidelines_seen_at timestamptz,
    prolific_pid       text,
    study_id           text,
    session_id         text,
    created_at         timestamptz not null default now(),
    primary key (campaign_id, worker_id)
);

-- one import of a red-team attempts file; its attempts go with it when it is deleted
create table redteam_import (
    id          bigint generated always as identity primary key,
    file_name   text        not null,
    -- SHA-256 of the file's bytes as uploaded, set when the whole file was read; a file cannot be imported twice
    sha256      text check (sha256 ~ '^[0-9a-f]{64}$'),
    records     integer     not null default 0 check (records >= 0),
    imported_by text        not null,
    imported_at timestamptz not null default now()
);

create unique index redteam_import_sha256_key on redteam_import (sha256);

create table redteam_attempt (
    id                          bigint generated always as identity primary key,
    source                      text        not null check (source in ('LIVE', 'IMPORTED')),
    status                      text        not null check (status in ('ACTIVE', 'RATED', 'ABANDONED')),
    task_description            text        not null default '',
    -- the whole conversation in the paper's "\n\nHuman: ...\n\nAssistant: ..." format (live: written when rated)
    transcript                  text        not null default '',
    -- how well the red teamer succeeded, 0 (not at all) .. 4 (completely); imported files carry it as a number
    rating                      double precision check (rating between 0 and 4),
    -- how harmful the worker judged their own task, 0..4 (optional; live attempts only)
    task_harm_rating            smallint check (task_harm_rating between 0 and 4),
    -- live attempts
    campaign_id                 bigint references redteam_campaign (id) on delete cascade,
    worker_id                   bigint references app_user (id),
    snapshot_id                 bigint,
    snapshot_name               text,
    started_at                  timestamptz,
    rated_at                    timestamptz,
    -- imported attempts: the record as it was in the file, and the fields we read from it
    import_id                   bigint references redteam_import (id) on delete cascade,
    record_index                integer check (record_index >= 0),
    original                    jsonb,
    model_type                  text,
    num_params                  text,
    red_team_member_id          text,
    is_upworker                 boolean,
    tags                        text[],
    task_harmlessness_score     double precision,
    min_harmlessness_score      double precision,
    created_at                  timestamptz not null default now(),
    updated_at                  timestamptz not null default now(),
    constraint redteam_attempt_live check (source <> 'LIVE' or (
        campaign_id is not null and worker_id is not null and snapshot_id is not null and snapshot_name is not null
        and started_at is not null and import_id is null and original is null
        and (rating is null or rating in (0, 1, 2, 3, 4)))),
    constraint redteam_attempt_imported check (source <> 'IMPORTED' or (
        import_id is not null and record_index is not null and original is not null and status = 'RATED'
        and campaign_id is null and worker_id is null and snapshot_id is null)),
    -- an attempt is rated exactly when its status says so
    constraint redteam_attempt_rated check ((status = 'RATED') = (rating is not null)),
    constraint redteam_attempt_rated_at check (source <> 'LIVE' or ((status = 'RATED') = (rated_at is not null)))
);

-- a worker holds at most one attempt in progress per campaign: a second tab continues the same one
create unique index redteam_attempt_one_active
    on redteam_attempt (campaign_id, worker_id) where status = 'ACTIVE';
create unique index redteam_attempt_import_index_key on redteam_attempt (import_id, record_index)
    where import_id is not null;
create index redteam_attempt_campaign_worker on redteam_attempt (campaign_id, worker_id, status);
create index redteam_attempt_snapshot on redteam_attempt (snapshot_id) where status = 'RATED';
create index redteam_attempt_model_type on redteam_attempt (model_type, num_params) where source = 'IMPORTED';

-- one message of the worker and the model's answer. The row is written when the message is sent (answer null)
-- and completed once the answer has finished.
create table redteam_turn (
    id            bigint generated always as identity primary key,
    attempt_id    bigint      not null references redteam_attempt (id) on delete cascade,
    turn_index    integer     not null check (turn_index >= 0),
    human_message text        not null,
    -- the conversation so far ending in "\n\nAssistant:": exactly what the model saw
    prompt        text        not null,
    status        text        not null check (status in ('GENERATING', 'READY', 'FAILED')),
    answer        text,
    failure       text,
    created_at    timestamptz not null default now(),
    answered_at   timestamptz,
    constraint redteam_turn_answer_when_ready check (status <> 'READY' or (answer is not null and answered_at is not null))
);

create unique index redteam_turn_index_key on redteam_turn (attempt_id, turn_index) where status <> 'FAILED';
-- at most one answer being generated per attempt
create unique index redteam_turn_one_generating on redteam_turn (attempt_id) where status = 'GENERATING';
