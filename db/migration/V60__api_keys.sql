-- API keys for scripts that read the dashboards' data (GET /api/ratings). Only the SHA-256 of a key is stored;
-- the key itself is shown once when it is created. A key acts with its owner's current role.
create table api_key
(
    id           bigint generated always as identity primary key,
    owner_id     bigint      not null references app_user (id),
    name         text        not null,
    key_hash     text        not null,
    key_prefix   text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz,
    constraint api_key_name_format check (length(name) between 1 and 100),
    constraint api_key_hash_format check (key_hash ~ '^[0-9a-f]{64}$')
);

create unique index api_key_hash_key on api_key (key_hash);
create index api_key_owner_idx on api_key (owner_id, created_at);
