-- What a finding says one concept does to another (subject, direction, object), each with the quote it rests on.
-- No unique (finding_id, position): replacing a finding's effects inserts the new rows before deleting the old.
CREATE SEQUENCE finding_effect_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE finding_effect (
    id           BIGINT        NOT NULL,
    version      BIGINT        NOT NULL,
    finding_id   BIGINT        NOT NULL,
    position     INTEGER       NOT NULL,
    subject_id   BIGINT        NOT NULL,
    direction    VARCHAR(20)   NOT NULL,
    object_id    BIGINT        NOT NULL,
    source_id    BIGINT        NOT NULL,
    start_offset INTEGER       NOT NULL,
    end_offset   INTEGER       NOT NULL,
    exact        VARCHAR       NOT NULL,
    prefix       VARCHAR(64)   NOT NULL,
    suffix       VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_finding_effect PRIMARY KEY (id),
    CONSTRAINT fk_finding_effect_finding FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_effect_subject FOREIGN KEY (subject_id) REFERENCES concept (id),
    CONSTRAINT fk_finding_effect_object FOREIGN KEY (object_id) REFERENCES concept (id),
    CONSTRAINT fk_finding_effect_source FOREIGN KEY (source_id) REFERENCES source_document (id),
    CONSTRAINT ck_finding_effect_range CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX ix_finding_effect_finding ON finding_effect (finding_id, position);
CREATE INDEX ix_finding_effect_subject ON finding_effect (subject_id);
CREATE INDEX ix_finding_effect_object ON finding_effect (object_id);

CREATE TABLE finding_effect_aud (
    id           BIGINT   NOT NULL,
    rev          BIGINT   NOT NULL,
    revtype      SMALLINT,
    finding_id   BIGINT,
    position     INTEGER,
    subject_id   BIGINT,
    direction    VARCHAR(20),
    object_id    BIGINT,
    source_id    BIGINT,
    start_offset INTEGER,
    end_offset   INTEGER,
    exact        VARCHAR,
    prefix       VARCHAR(64),
    suffix       VARCHAR(64),
    CONSTRAINT pk_finding_effect_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_finding_effect_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

ALTER TABLE finding_aud ADD COLUMN effects_mod BOOLEAN;

-- Findings stored before effects existed: read once on start (EffectBackfill), then removed from this list.
CREATE TABLE finding_effect_pending (
    finding_id BIGINT NOT NULL,
    CONSTRAINT pk_finding_effect_pending PRIMARY KEY (finding_id),
    CONSTRAINT fk_finding_effect_pending_finding FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE
);
INSERT INTO finding_effect_pending (finding_id) SELECT id FROM finding;
