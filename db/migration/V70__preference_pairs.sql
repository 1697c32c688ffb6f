-- Preference pairs: one store for every kind of comparison label (docs/decisions/0080-preference-pairs.md).
-- A pair is a conversation, two responses A and B and label = P(A is better), or no label yet. Every row is
-- complete on its own (texts copied), so exports and the preference model never join other modules' tables.

-- one imported file of human pairs (hh-rlhf chosen/rejected)
create table preference_pair_import (
    id            bigint generated always as identity primary key,
    name          text        not null check (length(btrim(name)) between 1 and 200),
    task          text        not null check (task in ('HARMLESSNESS', 'HELPFULNESS')),
    file_name     text        not null,
    lines_read    integer     not null,
    pair_count    integer     not null,
    -- lines whose chosen and rejected conversations differ before the last answer (a quirk of the public data)
    skipped_lines integer[]   not null default '{}',
    created_by    text        not null,
    created_at    timestamptz not null default now()
);
create unique index preference_pair_import_name_key on preference_pair_import (lower(name));

create table preference_pair (
    id                     bigint generated always as identity primary key,
    task                   text             not null check (task in ('HARMLESSNESS', 'HELPFULNESS')),
    source                 text             not null check (source in ('HUMAN_IMPORT', 'CROWD_VOTE', 'SAMPLED', 'AI_FEEDBACK')),
    -- the conversation up to and including its final human turn: [{"speaker": "HUMAN"|"ASSISTANT", "text": ...}]
    conversation           jsonb            not null,
    response_a             text             not null,
    response_b             text             not null,
    -- probability that A is better; null while the pair waits for a label (sampled pairs)
    label                  double precision check (label >= 0 and label <= 1),
    -- provenance, by source
    import_id              bigint references preference_pair_import (id) on delete cascade,
    source_line            integer,
    campaign_id            bigint,
    campaign_name          text,
    vote_id                bigint,
    run_id                 bigint references pipeline_run (id) on delete cascade,
    item_key               text,
    -- AI feedback: the pair this row labels (same conversation and responses, same A/B order)
    labelled_pair_id       bigint references preference_pair (id) on delete cascade,
    principles             text[]           not null default '{}',
    -- the model that wrote the responses (sampled) or the feedback model (AI feedback)
    snapshot_id            bigint,
    snapshot_name          text,
    -- everything else about how the label or the responses came about: seeds, prompts, log-probabilities, reasoning
    details                jsonb            not null default '{}',
    created_at             timestamptz      not null default now(),
    constraint preference_pair_provenance check (
        (source = 'HUMAN_IMPORT' and import_id is not null and source_line is not null and label is not null)
        or (source = 'CROWD_VOTE' and campaign_id is not null and vote_id is not null and label is not null)
        or (source = 'SAMPLED' and run_id is not null and item_key is not null)
        or (source = 'AI_FEEDBACK' and run_id is not null and item_key is not null and labelled_pair_id is not null
            and label is not null))
);
-- a run writes each item's pair once, whichever attempt gets there first; a vote becomes one pair
create unique index preference_pair_run_item_key on preference_pair (run_id, item_key) where run_id is not null;
create unique index preference_pair_vote_key on preference_pair (vote_id) where vote_id is not null;
create index preference_pair_source_idx on preference_pair (source, task, id);
create index preference_pair_import_idx on preference_pair (import_id, id) where import_id is not null;
create index preference_pair_campaign_idx on preference_pair (campaign_id) where campaign_id is not null;
create index preference_pair_labelled_idx on preference_pair (labelled_pair_id) where labelled_pair_id is not null;
