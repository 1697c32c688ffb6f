-- Constitutions and their immutable, numbered versions (see docs/decisions/0010-constitution-versions.md).

create table constitution (
    id                bigint generated always as identity primary key,
    name              text        not null,
    -- the version new runs use; set in the same transaction that inserts the first version
    active_version_id bigint,
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    constraint constitution_name_format check (name = btrim(name) and length(name) between 1 and 100)
);

-- "Default" and "default" are the same constitution
create unique index constitution_name_key on constitution (lower(name));

create table constitution_version (
    id                bigint generated always as identity primary key,
    constitution_id   bigint      not null references constitution (id),
    number            integer     not null check (number >= 1),
    -- the version the editor started from; null for the first version and for imports of a new constitution
    parent_version_id bigint      references constitution_version (id),
    created_by        text        not null,
    created_at        timestamptz not null default now(),
    comment           text        not null,
    -- the whole ConstitutionContent in the cailab-constitution/1 shape (ConstitutionJson)
    content           jsonb       not null,
    -- SHA-256 (hex) of the canonical JSON text the application wrote: same hash, same content
    content_sha256    text        not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    constraint constitution_version_number_key unique (constitution_id, number),
    -- target of the composite foreign key below: the active version must belong to its constitution
    constraint constitution_version_owner_key unique (constitution_id, id)
);

create index constitution_version_parent_idx on constitution_version (parent_version_id);

alter table constitution
    add constraint constitution_active_version_fk foreign key (id, active_version_id)
        references constitution_version (constitution_id, id);

-- Versions are history: runs point at them and diffs compare them, so no row may change or vanish.
create function constitution_version_immutable() returns trigger
    language plpgsql as
$$
begin
    raise exception 'constitution versions are immutable: save a new version instead (% of version %)',
        lower(tg_op), old.id
        using errcode = 'integrity_constraint_violation';
end;
$$;

create trigger constitution_version_no_update
    before update or delete on constitution_version
    for each row execute function constitution_version_immutable();
