-- Tables of Hibernate Search's outbox-polling coordination (PostgreSQL): every write records the entities it
-- changed in hsearch_outbox_event; a background processor in some instance indexes them and deletes the rows.
CREATE TABLE hsearch_agent (
    id                   UUID                     NOT NULL,
    type                 VARCHAR(255)             NOT NULL,
    name                 VARCHAR(255)             NOT NULL,
    state                VARCHAR(255)             NOT NULL,
    expiration           TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_shard_index INTEGER,
    total_shard_count    INTEGER,
    tenant_id            VARCHAR(255),
    payload              BYTEA,
    CONSTRAINT pk_hsearch_agent PRIMARY KEY (id),
    CONSTRAINT ck_hsearch_agent_state CHECK (state IN ('RUNNING', 'WAITING', 'SUSPENDED')),
    CONSTRAINT ck_hsearch_agent_type CHECK (type IN ('EVENT_PROCESSING_DYNAMIC_SHARDING',
        'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING'))
);

CREATE TABLE hsearch_outbox_event (
    id             UUID                     NOT NULL,
    entity_name    VARCHAR(256)             NOT NULL,
    entity_id      VARCHAR(256)             NOT NULL,
    entity_id_hash INTEGER                  NOT NULL,
    payload        BYTEA                    NOT NULL,
    retries        INTEGER                  NOT NULL,
    process_after  TIMESTAMP WITH TIME ZONE NOT NULL,
    status         VARCHAR(255)             NOT NULL,
    tenant_id      VARCHAR(255),
    CONSTRAINT pk_hsearch_outbox_event PRIMARY KEY (id),
    CONSTRAINT ck_hsearch_outbox_event_status CHECK (status IN ('PENDING', 'ABORTED'))
);
CREATE INDEX ix_hsearch_outbox_event_process_after ON hsearch_outbox_event (process_after);
