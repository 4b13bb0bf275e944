-- Links between findings of different studies that ingest proposes and a curator accepts or dismisses.
-- One suggestion per ordered pair of findings; the code also refuses the reversed pair and pairs already linked.
CREATE SEQUENCE link_suggestion_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE link_suggestion (
    id              BIGINT                   NOT NULL,
    version         BIGINT                   NOT NULL,
    from_finding_id BIGINT                   NOT NULL,
    to_finding_id   BIGINT                   NOT NULL,
    type            VARCHAR(20)              NOT NULL,
    score           DOUBLE PRECISION         NOT NULL,
    reason          VARCHAR(1000)            NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    decided_by      VARCHAR(100),
    decided_at      TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_link_suggestion PRIMARY KEY (id),
    CONSTRAINT uk_link_suggestion UNIQUE (from_finding_id, to_finding_id),
    CONSTRAINT ck_link_suggestion_not_self CHECK (from_finding_id <> to_finding_id),
    CONSTRAINT ck_link_suggestion_score CHECK (score >= 0 AND score <= 1),
    CONSTRAINT fk_link_suggestion_from FOREIGN KEY (from_finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT fk_link_suggestion_to FOREIGN KEY (to_finding_id) REFERENCES finding (id) ON DELETE CASCADE
);
CREATE INDEX ix_link_suggestion_to ON link_suggestion (to_finding_id);
CREATE INDEX ix_link_suggestion_status ON link_suggestion (status, score);

CREATE TABLE link_suggestion_aud (
    id              BIGINT   NOT NULL,
    rev             BIGINT   NOT NULL,
    revtype         SMALLINT,
    from_finding_id BIGINT,
    from_finding_mod BOOLEAN,
    to_finding_id   BIGINT,
    to_finding_mod  BOOLEAN,
    type            VARCHAR(20),
    type_mod        BOOLEAN,
    score           DOUBLE PRECISION,
    score_mod       BOOLEAN,
    reason          VARCHAR(1000),
    reason_mod      BOOLEAN,
    status          VARCHAR(20),
    status_mod      BOOLEAN,
    decided_by      VARCHAR(100),
    decided_by_mod  BOOLEAN,
    decided_at      TIMESTAMP WITH TIME ZONE,
    decided_at_mod  BOOLEAN,
    created_at      TIMESTAMP WITH TIME ZONE,
    created_at_mod  BOOLEAN,
    updated_at      TIMESTAMP WITH TIME ZONE,
    updated_at_mod  BOOLEAN,
    CONSTRAINT pk_link_suggestion_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_link_suggestion_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

-- Studies stored before suggestions existed: proposed for once on start (SuggestionBackfill), then removed here.
CREATE TABLE link_suggestion_pending (
    study_id BIGINT NOT NULL,
    CONSTRAINT pk_link_suggestion_pending PRIMARY KEY (study_id),
    CONSTRAINT fk_link_suggestion_pending_study FOREIGN KEY (study_id) REFERENCES study (id) ON DELETE CASCADE
);
INSERT INTO link_suggestion_pending (study_id) SELECT id FROM study;
