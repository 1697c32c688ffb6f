-- Users of the web application. One role per user; ADMIN implies RESEARCHER (see security.Role).
create table app_user (
    id            bigint generated always as identity primary key,
    username      text        not null,
    password_hash text        not null,
    role          text        not null check (role in ('WORKER', 'RESEARCHER', 'ADMIN')),
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       integer     not null default 0,
    constraint app_user_username_format check (username ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$')
);

-- user names are unique regardless of case: "Alice" and "alice" are the same person
create unique index app_user_username_key on app_user (lower(username));
