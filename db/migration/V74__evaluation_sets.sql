-- Multiple-choice evaluation sets (issue 12, docs/decisions/0086-evaluation-runs.md): an uploaded file of
-- {prompt, corrects, incorrects} items, checked as a whole before it is stored (one row, all or nothing) and never
-- changed afterwards, so evaluation runs on the same set are comparable.
create table evaluation_set (
    id         bigint generated always as identity primary key,
    name       text        not null check (length(btrim(name)) between 1 and 200),
    file_name  text        not null,
    item_count integer     not null check (item_count > 0),
    -- [{"prompt": ..., "corrects": [...], "incorrects": [...]}] in file order (blank lines left out)
    items      jsonb       not null,
    created_by text        not null,
    created_at timestamptz not null default now()
);
create unique index evaluation_set_name_key on evaluation_set (lower(name));
