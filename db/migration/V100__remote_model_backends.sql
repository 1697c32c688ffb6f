-- A snapshot served by OpenAI-compatible inference servers (vLLM, SGLang, TGI, another cailab) instead of a local
-- directory. Only the NAME of the environment variable that holds the API key is stored, never the key.
create table model_remote_backend
(
    snapshot_id       bigint primary key references model_snapshot (id) on delete cascade,
    base_urls         text[]  not null,
    served_model      text    not null,
    api_key_env       text,
    max_concurrency   integer not null default 16,
    timeout_seconds   integer not null default 120,
    max_retries       integer not null default 3,
    scoring           text    not null default 'echo',
    constraint model_remote_backend_urls_check check (cardinality(base_urls) between 1 and 64),
    constraint model_remote_backend_model_check check (length(served_model) between 1 and 200),
    constraint model_remote_backend_env_check check (api_key_env is null or api_key_env ~ '^[A-Za-z_][A-Za-z0-9_]*$'),
    constraint model_remote_backend_limits_check check (max_concurrency between 1 and 4096
        and timeout_seconds between 1 and 3600 and max_retries between 0 and 20),
    constraint model_remote_backend_scoring_check check (scoring in ('echo', 'echo-one-token', 'prompt-logprobs'))
);
