-- History of studies, findings and mechanisms (Hibernate Envers): one row per revision and changed entity,
-- with a *_mod flag per property saying whether that revision changed it.

CREATE SEQUENCE revision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE revision (
    id         BIGINT                   NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    key_name   VARCHAR(100)             NOT NULL,
    CONSTRAINT pk_revision PRIMARY KEY (id)
);

CREATE TABLE study_aud (
    id                 BIGINT   NOT NULL,
    rev                BIGINT   NOT NULL,
    revtype            SMALLINT,
    slug               VARCHAR(200),
    slug_mod           BOOLEAN,
    title              VARCHAR(500),
    title_mod          BOOLEAN,
    institution        VARCHAR(500),
    institution_mod    BOOLEAN,
    journal            VARCHAR(500),
    journal_mod        BOOLEAN,
    published_year     INTEGER,
    published_year_mod BOOLEAN,
    doi                VARCHAR(255),
    doi_mod            BOOLEAN,
    population         VARCHAR(500),
    population_mod     BOOLEAN,
    source_id          BIGINT,
    source_mod         BOOLEAN,
    researchers_mod    BOOLEAN,
    interventions_mod  BOOLEAN,
    conditions_mod     BOOLEAN,
    created_at         TIMESTAMP WITH TIME ZONE,
    created_at_mod     BOOLEAN,
    updated_at         TIMESTAMP WITH TIME ZONE,
    updated_at_mod     BOOLEAN,
    CONSTRAINT pk_study_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_study_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE study_researcher_aud (
    study_id    BIGINT   NOT NULL,
    rev         BIGINT   NOT NULL,
    revtype     SMALLINT NOT NULL,
    position    INTEGER  NOT NULL,
    name        VARCHAR(300),
    role        VARCHAR(20),
    description VARCHAR(1000),
    CONSTRAINT pk_study_researcher_aud PRIMARY KEY (study_id, rev, revtype, position),
    CONSTRAINT fk_study_researcher_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE study_intervention_aud (
    study_id   BIGINT NOT NULL,
    concept_id BIGINT NOT NULL,
    rev        BIGINT NOT NULL,
    revtype    SMALLINT,
    CONSTRAINT pk_study_intervention_aud PRIMARY KEY (study_id, concept_id, rev),
    CONSTRAINT fk_study_intervention_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE study_condition_aud (
    study_id   BIGINT NOT NULL,
    concept_id BIGINT NOT NULL,
    rev        BIGINT NOT NULL,
    revtype    SMALLINT,
    CONSTRAINT pk_study_condition_aud PRIMARY KEY (study_id, concept_id, rev),
    CONSTRAINT fk_study_condition_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE finding_aud (
    id                BIGINT   NOT NULL,
    rev               BIGINT   NOT NULL,
    revtype           SMALLINT,
    study_id          BIGINT,
    study_mod         BOOLEAN,
    position          INTEGER,
    position_mod      BOOLEAN,
    statement         VARCHAR,
    statement_mod     BOOLEAN,
    kind              VARCHAR(20),
    kind_mod          BOOLEAN,
    timescale         VARCHAR(20),
    timescale_mod     BOOLEAN,
    certainty         VARCHAR(20),
    certainty_mod     BOOLEAN,
    origin            VARCHAR(20),
    origin_mod        BOOLEAN,
    confidence        DOUBLE PRECISION,
    confidence_mod    BOOLEAN,
    review_status     VARCHAR(20),
    review_status_mod BOOLEAN,
    review_note       VARCHAR(2000),
    review_note_mod   BOOLEAN,
    evidence_mod      BOOLEAN,
    concepts_mod      BOOLEAN,
    mechanisms_mod    BOOLEAN,
    created_at        TIMESTAMP WITH TIME ZONE,
    created_at_mod    BOOLEAN,
    updated_at        TIMESTAMP WITH TIME ZONE,
    updated_at_mod    BOOLEAN,
    CONSTRAINT pk_finding_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_finding_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE finding_evidence_aud (
    finding_id   BIGINT   NOT NULL,
    rev          BIGINT   NOT NULL,
    revtype      SMALLINT NOT NULL,
    position     INTEGER  NOT NULL,
    source_id    BIGINT,
    start_offset INTEGER,
    end_offset   INTEGER,
    exact        VARCHAR,
    prefix       VARCHAR(64),
    suffix       VARCHAR(64),
    CONSTRAINT pk_finding_evidence_aud PRIMARY KEY (finding_id, rev, revtype, position),
    CONSTRAINT fk_finding_evidence_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE finding_concept_aud (
    finding_id BIGINT NOT NULL,
    concept_id BIGINT NOT NULL,
    rev        BIGINT NOT NULL,
    revtype    SMALLINT,
    CONSTRAINT pk_finding_concept_aud PRIMARY KEY (finding_id, concept_id, rev),
    CONSTRAINT fk_finding_concept_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE finding_mechanism_aud (
    finding_id   BIGINT NOT NULL,
    mechanism_id BIGINT NOT NULL,
    rev          BIGINT NOT NULL,
    revtype      SMALLINT,
    CONSTRAINT pk_finding_mechanism_aud PRIMARY KEY (finding_id, mechanism_id, rev),
    CONSTRAINT fk_finding_mechanism_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE mechanism_aud (
    id                BIGINT   NOT NULL,
    rev               BIGINT   NOT NULL,
    revtype           SMALLINT,
    study_id          BIGINT,
    study_mod         BOOLEAN,
    name              VARCHAR(500),
    name_mod          BOOLEAN,
    timescale         VARCHAR(20),
    timescale_mod     BOOLEAN,
    onset             VARCHAR(300),
    onset_mod         BOOLEAN,
    description       VARCHAR,
    description_mod   BOOLEAN,
    brain_regions_mod BOOLEAN,
    pathways_mod      BOOLEAN,
    cell_types_mod    BOOLEAN,
    interventions_mod BOOLEAN,
    created_at        TIMESTAMP WITH TIME ZONE,
    created_at_mod    BOOLEAN,
    updated_at        TIMESTAMP WITH TIME ZONE,
    updated_at_mod    BOOLEAN,
    CONSTRAINT pk_mechanism_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_mechanism_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE mechanism_brain_region_aud (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    rev          BIGINT NOT NULL,
    revtype      SMALLINT,
    CONSTRAINT pk_mechanism_brain_region_aud PRIMARY KEY (mechanism_id, concept_id, rev),
    CONSTRAINT fk_mechanism_brain_region_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE mechanism_pathway_aud (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    rev          BIGINT NOT NULL,
    revtype      SMALLINT,
    CONSTRAINT pk_mechanism_pathway_aud PRIMARY KEY (mechanism_id, concept_id, rev),
    CONSTRAINT fk_mechanism_pathway_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE mechanism_cell_type_aud (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    rev          BIGINT NOT NULL,
    revtype      SMALLINT,
    CONSTRAINT pk_mechanism_cell_type_aud PRIMARY KEY (mechanism_id, concept_id, rev),
    CONSTRAINT fk_mechanism_cell_type_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE TABLE mechanism_intervention_aud (
    mechanism_id BIGINT NOT NULL,
    concept_id   BIGINT NOT NULL,
    rev          BIGINT NOT NULL,
    revtype      SMALLINT,
    CONSTRAINT pk_mechanism_intervention_aud PRIMARY KEY (mechanism_id, concept_id, rev),
    CONSTRAINT fk_mechanism_intervention_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);

CREATE INDEX ix_revision_changed_at ON revision (changed_at);
