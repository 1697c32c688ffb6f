-- Prompt sets: the inputs of pipeline runs, imported from hh-rlhf, red-team attempts or plain text.
create table prompt_set (
    id                 bigint generated always as identity primary key,
    name               text        not null,
    kind               text        not null check (kind in ('RED_TEAM', 'HELPFULNESS')),
    format             text        not null check (format in ('HH_RLHF_JSONL', 'RED_TEAM_ATTEMPTS', 'PLAIN_TEXT')),
    extraction         text        not null check (extraction in ('FIRST_HUMAN_TURN', 'PARTIAL_CONVERSATIONS')),
    source_name        text        not null,
    records_read       integer     not null,
    duplicates_skipped integer     not null,
    prompt_count       integer     not null,
    created_by         text        not null,
    created_at         timestamptz not null default now()
);
create unique index prompt_set_name_key on prompt_set (lower(name));

create table prompt_set_prompt (
    id            bigint generated always as identity primary key,
    prompt_set_id bigint  not null references prompt_set (id) on delete cascade,
    position      integer not null,
    -- the conversation up to and including the final human turn: [{"speaker": "HUMAN"|"ASSISTANT", "text": ...}]
    turns         jsonb   not null,
    -- the same conversation as hh-rlhf text ("Human: ...\n\nAssistant: ..."), the key for de-duplication
    transcript    text    not null,
    -- where it came from: source line, and for red-team attempts the rating and task description
    metadata      jsonb   not null default '{}',
    constraint prompt_set_prompt_position_key unique (prompt_set_id, position)
);
create unique index prompt_set_prompt_transcript_key on prompt_set_prompt (prompt_set_id, md5(transcript));
