-- Spring Modulith's event publication registry (docs/decisions/0151, 2026-12-03 "after-commit work as events"):
-- one row per event and transactional listener, written in the publishing transaction, deleted once the listener
-- has completed (spring.modulith.events.completion-mode=delete). Rows left behind (the app stopped between commit
-- and listener, or the listener failed) are resubmitted at the next start. Same table as Spring Modulith 2.0.3's
-- schemas/v2/schema-postgresql.sql; the archive table is not created (completion mode delete does not use it).
CREATE TABLE event_publication
(
    id                     UUID                     NOT NULL,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
