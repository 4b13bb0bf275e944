-- Portable between H2 (2.x) and PostgreSQL: plain types, sequences for ids (batched inserts), explicit names.

CREATE SEQUENCE source_document_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE study_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE concept_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE finding_seq START WITH 1 INCREMENT BY 50;
CREATE SEQUENCE mechanism_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE source_document (
    id             BIGINT                   NOT NULL,
    version        BIGINT                   NOT NULL,
    title          VARCHAR(500),
    publisher      VARCHAR(300),
    url            VARCHAR(2048),
    published_year INTEGER,
    sha256         VARCHAR(64)              NOT NULL,
    content        VARCHAR                  NOT NULL,
    length         INTEGER                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_source_document PRIMARY KEY (id),
    CONSTRAINT uk_source_document_sha256 UNIQUE (sha256)
);

CREATE TABLE concept (
    id         BIGINT                   NOT NULL,
    version    BIGINT                   NOT NULL,
    name       VARCHAR(300)             NOT NULL,
    name_key   VARCHAR(300)             NOT NULL,
    type       VARCHAR(30),
    mesh_id    VARCHAR(20),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_concept PRIMARY KEY (id),
    CONSTRAINT uk_concept_name_key UNIQUE (name_key)
);

CREATE TABLE concept_synonym (
    concept_id  BIGINT       NOT NULL,
    synonym     VARCHAR(300) NOT NULL,
    synonym_key VARCHAR(300) NOT NULL,
    CONSTRAINT pk_concept_synonym PRIMARY KEY (concept_id, synonym_key),
    CONSTRAINT fk_concept_synonym_concept FOREIGN KEY (concept_id) REFERENCES concept (id) ON DELETE CASCADE
);
CREATE INDEX ix_concept_synonym_key ON concept_synonym (synonym_key);

CREATE TABLE study (
    id             BIGINT                   NOT NULL,
    version        BIGINT                   NOT NULL,
    slug           VARCHAR(200)             NOT NULL,
    title          VARCHAR(500)             NOT NULL,
    institution    VARCHAR(500),
    journal        VARCHAR(500),
    published_year INTEGER,
    doi            VARCHAR(255),
    population     VARCHAR(500),
    source_id      BIGINT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_study PRIMARY KEY (id),
    CONSTRAINT uk_study_slug UNIQUE (slug),
    CONSTRAINT fk_study_source FOREIGN KEY (source_id) REFERENCES source_document (id)
);
CREATE INDEX ix_study_source ON study (source_id);
CREATE INDEX ix_study_journal ON study (journal);

CREATE TABLE study_researcher (
    study_id    BIGINT        NOT NULL,
    position    INTEGER       NOT NULL,
    name        VARCHAR(300)  NOT NULL,
    role        VARCHAR(20)   NOT NULL,
    description VARCHAR(1000),
    CONSTRAINT pk_study_researcher PRIMARY KEY (study_id, position),
    CONSTRAINT fk_study_researcher_study FOREIGN KEY (study_id) REFERENCES study (id) ON DELETE CASCADE
);

CREATE TABLE study_intervention (
    study_id   BIGINT NOT NULL,
    concept_id BIGINT NOT NULL,
    CONSTRAINT pk_study_intervention PRIMARY KEY (study_id, concept_id),
    CONSTRAINT fk_study_intervention_study FOREIGN KEY (study_id) REFERENCES study (id) ON DELETE CASCADE,
    CONSTRAINT fk_study_intervention_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);

CREATE TABLE study_condition (
    study_id   BIGINT NOT NULL,
    concept_id BIGINT NOT NULL,
    CONSTRAINT pk_study_condition PRIMARY KEY (study_id, concept_id),
    CONSTRAINT fk_study_condition_study FOREIGN KEY (study_id) REFERENCES study (id) ON DELETE CASCADE,
    CONSTRAINT fk_study_condition_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);

CREATE TABLE finding (
    id            BIGINT                   NOT NULL,
    version       BIGINT                   NOT NULL,
    study_id      BIGINT                   NOT NULL,
    position      INTEGER                  NOT NULL,
    statement     VARCHAR                  NOT NULL,
    kind          VARCHAR(20)              NOT NULL,
    timescale     VARCHAR(20),
    certainty     VARCHAR(20)              NOT NULL,
    origin        VARCHAR(20)              NOT NULL,
    confidence    DOUBLE PRECISION         NOT NULL,
    review_status VARCHAR(20)              NOT NULL,
    review_note   VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_finding PRIMARY KEY (id),
    CONSTRAINT fk_finding_study FOREIGN KEY (study_id) REFERENCES study (id) ON DELETE CASCADE,
    CONSTRAINT ck_finding_confidence CHECK (confidence >= 0 AND confidence <= 1)
);
CREATE INDEX ix_finding_study ON finding (study_id, position);
CREATE INDEX ix_finding_kind ON finding (kind);

CREATE TABLE finding_evidence (
    finding_id   BIGINT        NOT NULL,
    position     INTEGER       NOT NULL,
    source_id    BIGINT        NOT NULL,
    start_offset INTEGER       NOT NULL,
    end_offset   INTEGER       NOT NULL,
    exact        VARCHAR       NOT NULL,
    prefix       VARCHAR(64)   NOT NULL,
    suffix       VARCHAR(64)   NOT NULL,
    CONSTRAINT pk_finding_evidence PRIMARY KEY (finding_id, position),
    CONSTRAINT fk_finding_evidence_finding FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_evidence_source FOREIGN KEY (source_id) REFERENCES source_document (id),
    CONSTRAINT ck_finding_evidence_range CHECK (start_offset >= 0 AND end_offset >= start_offset)
);
CREATE INDEX ix_finding_evidence_source ON finding_evidence (source_id);

CREATE TABLE finding_concept (
    finding_id BIGINT NOT NULL,
    concept_id BIGINT NOT NULL,
    CONSTRAINT pk_finding_concept PRIMARY KEY (finding_id, concept_id),
    CONSTRAINT fk_finding_concept_finding FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_concept_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);
CREATE INDEX ix_finding_concept_concept ON finding_concept (concept_id);

CREATE TABLE mechanism (
    id          BIGINT                   NOT NULL,
    version     BIGINT                   NOT NULL,
    study_id    BIGINT                   NOT NULL,
    name        VARCHAR(500)             NOT NULL,
    timescale   VARCHAR(20),
    onset       VARCHAR(300),
    description VARCHAR,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_mechanism PRIMARY KEY (id),
    CONSTRAINT fk_mechanism_study FOREIGN KEY (study_id) REFERENCES study (id) ON DELETE CASCADE
);
CREATE INDEX ix_mechanism_study ON mechanism (study_id);

CREATE TABLE finding_mechanism (
    finding_id   BIGINT NOT NULL,
    mechanism_id BIGINT NOT NULL,
    CONSTRAINT pk_finding_mechanism PRIMARY KEY (finding_id, mechanism_id),
    CONSTRAINT fk_finding_mechanism_finding FOREIGN KEY (finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_mechanism_mechanism FOREIGN KEY (mechanism_id) REFERENCES mechanism (id) ON DELETE CASCADE
);
CREATE INDEX ix_finding_mechanism_mechanism ON finding_mechanism (mechanism_id);

-- A mechanism's concepts, one table per role, so each role is a plain many-to-many association.
CREATE TABLE mechanism_brain_region (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    CONSTRAINT pk_mechanism_brain_region PRIMARY KEY (mechanism_id, concept_id),
    CONSTRAINT fk_mechanism_brain_region_mechanism FOREIGN KEY (mechanism_id) REFERENCES mechanism (id) ON DELETE CASCADE,
    CONSTRAINT fk_mechanism_brain_region_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);
CREATE TABLE mechanism_pathway (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    CONSTRAINT pk_mechanism_pathway PRIMARY KEY (mechanism_id, concept_id),
    CONSTRAINT fk_mechanism_pathway_mechanism FOREIGN KEY (mechanism_id) REFERENCES mechanism (id) ON DELETE CASCADE,
    CONSTRAINT fk_mechanism_pathway_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);
CREATE TABLE mechanism_cell_type (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    CONSTRAINT pk_mechanism_cell_type PRIMARY KEY (mechanism_id, concept_id),
    CONSTRAINT fk_mechanism_cell_type_mechanism FOREIGN KEY (mechanism_id) REFERENCES mechanism (id) ON DELETE CASCADE,
    CONSTRAINT fk_mechanism_cell_type_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);
CREATE TABLE mechanism_intervention (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    CONSTRAINT pk_mechanism_intervention PRIMARY KEY (mechanism_id, concept_id),
    CONSTRAINT fk_mechanism_intervention_mechanism FOREIGN KEY (mechanism_id) REFERENCES mechanism (id) ON DELETE CASCADE,
    CONSTRAINT fk_mechanism_intervention_concept FOREIGN KEY (concept_id) REFERENCES concept (id)
);
