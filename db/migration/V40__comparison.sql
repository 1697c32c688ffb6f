-- Crowdworker comparisons (Bai et al. 2022, section 2 and appendix D): campaigns, the live A/B conversations
-- workers hold with two anonymous models, and the votes that become preference labels and Elo ratings.
-- Snapshots belong to the model registry; they are referenced by id and their name is copied so that a vote
-- stays complete even when a snapshot is renamed or removed.

create table comparison_campaign (
    id               bigint generated always as identity primary key,
    name             text             not null check (length(btrim(name)) between 1 and 200),
    task             text             not null check (task in ('HELPFULNESS', 'HARMLESSNESS')),
    instructions     text             not null,
    pair_drawing     text             not null check (pair_drawing in ('UNIFORM', 'WEIGHTED')),
    turn_limit       integer          not null check (turn_limit between 1 and 50),
    allow_tie        boolean          not null,
    allow_both_bad   boolean          not null,
    -- null: no strength question; otherwise workers rate the preference 1..strength_levels
    strength_levels  integer check (strength_levels between 2 and 9),
    -- null: no quota; otherwise the number of votes after which a worker is done with the campaign
    quota_per_worker integer check (quota_per_worker >= 1),
    gold_rate        double precision not null default 0 check (gold_rate >= 0 and gold_rate <= 1),
    is_open          boolean          not null default false,
    completion_code  text             not null check (completion_code ~ '^[A-Za-z0-9]{4,32}$'),
    created_by       text             not null,
    created_at       timestamptz      not null default now(),
    updated_at       timestamptz      not null default now(),
    version          integer          not null default 0
);

-- the snapshots a campaign draws its pairs from; weight matters only with pair_drawing = 'WEIGHTED'
create table comparison_pool_snapshot (
    campaign_id   bigint           not null references comparison_campaign (id) on delete cascade,
    snapshot_id   bigint           not null,
    snapshot_name text             not null,
    weight        double precision not null default 1 check (weight > 0 and weight <= 1000),
    primary key (campaign_id, snapshot_id)
);

-- pre-written comparisons with a known better answer, mixed into a campaign to measure workers
create table comparison_gold_item (
    id            bigint generated always as identity primary key,
    campaign_id   bigint      not null references comparison_campaign (id) on delete cascade,
    prompt        text        not null check (length(btrim(prompt)) > 0),
    better_answer text        not null check (length(btrim(better_answer)) > 0),
    worse_answer  text        not null check (length(btrim(worse_answer)) > 0),
    created_at    timestamptz not null default now()
);

-- a worker's membership in a campaign: guidelines seen, and the Prolific ids when they came from a study link
create table comparison_participation (
    campaign_id        bigint      not null references comparison_campaign (id) on delete cascade,
    worker_id          bigint      not null references app_user (id),
    guidelines_seen_at timestamptz,
    prolific_pid       text,
    study_id           text,
    session_id         text,
    created_at         timestamptz not null default now(),
    primary key (campaign_id, worker_id)
);

create table comparison_conversation (
    id           bigint generated always as identity primary key,
    campaign_id  bigint      not null references comparison_campaign (id) on delete cascade,
    worker_id    bigint      not null references app_user (id),
    -- set for a gold check: one pre-written turn, then the conversation is completed
    gold_item_id bigint references comparison_gold_item (id) on delete set null,
    status       text        not null check (status in ('ACTIVE', 'COMPLETED', 'ABANDONED')),
    voted_turns  integer     not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    version      integer     not null default 0
);

-- a worker holds at most one active conversation per campaign: a second tab continues the same one
create unique index comparison_conversation_one_active
    on comparison_conversation (campaign_id, worker_id) where status = 'ACTIVE';

-- one human message and the two answers to it. The row is written when the message is sent (answers null)
-- and completed once both answers have finished.
create table comparison_turn (
    id               bigint generated always as identity primary key,
    conversation_id  bigint      not null references comparison_conversation (id) on delete cascade,
    turn_index       integer     not null check (turn_index >= 0),
    human_message    text        not null,
    -- the conversation so far in the paper's format, ending in "\n\nAssistant:": exactly what both models saw
    prompt           text        not null,
    status           text        not null check (status in ('GENERATING', 'READY', 'VOTED', 'FAILED', 'ABANDONED')),
    snapshot_a_id    bigint,
    snapshot_a_name  text,
    snapshot_b_id    bigint,
    snapshot_b_name  text,
    answer_a         text,
    answer_b         text,
    leak_a           boolean     not null default false,
    leak_b           boolean     not null default false,
    gold_better_side text check (gold_better_side in ('A', 'B')),
    failure          text,
    created_at       timestamptz not null default now(),
    answers_shown_at timestamptz,
    constraint comparison_turn_models_or_gold check (
        (gold_better_side is null and snapshot_a_id is not null and snapshot_b_id is not null
            and snapshot_a_id <> snapshot_b_id)
        or (gold_better_side is not null and snapshot_a_id is null and snapshot_b_id is null)),
    constraint comparison_turn_answers_when_ready check (
        status in ('GENERATING', 'FAILED', 'ABANDONED')
        or (answer_a is not null and answer_b is not null and answers_shown_at is not null))
);

create unique index comparison_turn_index_key
    on comparison_turn (conversation_id, turn_index) where status not in ('FAILED', 'ABANDONED');
-- at most one turn waiting for answers or a vote per conversation
create unique index comparison_turn_one_pending
    on comparison_turn (conversation_id) where status in ('GENERATING', 'READY');

-- one vote per turn, complete on its own (conversation so far, both answers, both snapshots, sides, timing)
create table comparison_vote (
    id              bigint generated always as identity primary key,
    turn_id         bigint      not null references comparison_turn (id) on delete cascade,
    idempotency_key text        not null check (length(idempotency_key) between 8 and 100),
    campaign_id     bigint      not null references comparison_campaign (id) on delete cascade,
    conversation_id bigint      not null references comparison_conversation (id) on delete cascade,
    worker_id       bigint      not null references app_user (id),
    task            text        not null check (task in ('HELPFULNESS', 'HARMLESSNESS')),
    conversation    text        not null,
    answer_a        text        not null,
    answer_b        text        not null,
    snapshot_a_id   bigint,
    snapshot_a_name text,
    snapshot_b_id   bigint,
    snapshot_b_name text,
    choice          text        not null check (choice in ('A', 'B', 'TIE', 'BOTH_BAD')),
    strength        integer,
    strength_levels integer,
    continued_side  text        not null check (continued_side in ('A', 'B')),
    gold_item_id    bigint references comparison_gold_item (id) on delete set null,
    gold_correct    boolean,
    identity_leak   boolean     not null,
    shown_at        timestamptz not null,
    voted_at        timestamptz not null default now(),
    time_to_vote_ms bigint      not null check (time_to_vote_ms >= 0),
    constraint comparison_vote_turn_key unique (turn_id),
    constraint comparison_vote_strength check (
        (strength is null and strength_levels is null) or (strength between 1 and strength_levels))
);

create index comparison_vote_task on comparison_vote (task, voted_at);
create index comparison_vote_campaign_worker on comparison_vote (campaign_id, worker_id);
create index comparison_vote_worker on comparison_vote (worker_id);

-- workers whose votes an admin keeps out of the ratings; deleting the row restores them
create table comparison_worker_exclusion (
    worker_id   bigint      primary key references app_user (id),
    excluded_by text        not null,
    excluded_at timestamptz not null default now()
);
