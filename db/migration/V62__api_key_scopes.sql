-- What a key may do, and until when. Keys made before scopes existed read ratings and datasets, as they could.
alter table api_key
    add column scopes     text[]      not null default array ['READ_RATINGS', 'READ_DATASETS'],
    add column expires_at timestamptz,
    add constraint api_key_scopes_known check (
        cardinality(scopes) >= 1 and scopes <@ array ['READ_RATINGS', 'READ_DATASETS', 'OPENAI_API']);
