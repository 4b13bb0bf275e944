-- What findings, mechanisms and studies mean, as the sentence model's vectors, computed in the background after a
-- write (MeaningEmbedder) and read by the search index. Kept apart from the entities' rows, so that storing a vector
-- never bumps an entity's version nor enters its history; not exported (vectors are computed again from the text).
-- text_hash identifies the exact text embedded: a vector whose text has changed since is not used.
CREATE TABLE finding_meaning (
    entity_id BIGINT NOT NULL,
    text_hash BIGINT NOT NULL,
    vector    BYTEA  NOT NULL,
    CONSTRAINT pk_finding_meaning PRIMARY KEY (entity_id),
    CONSTRAINT fk_finding_meaning FOREIGN KEY (entity_id) REFERENCES finding (id) ON DELETE CASCADE
);

CREATE TABLE mechanism_meaning (
    entity_id BIGINT NOT NULL,
    text_hash BIGINT NOT NULL,
    vector    BYTEA  NOT NULL,
    CONSTRAINT pk_mechanism_meaning PRIMARY KEY (entity_id),
    CONSTRAINT fk_mechanism_meaning FOREIGN KEY (entity_id) REFERENCES mechanism (id) ON DELETE CASCADE
);

CREATE TABLE study_meaning (
    entity_id BIGINT NOT NULL,
    text_hash BIGINT NOT NULL,
    vector    BYTEA  NOT NULL,
    CONSTRAINT pk_study_meaning PRIMARY KEY (entity_id),
    CONSTRAINT fk_study_meaning FOREIGN KEY (entity_id) REFERENCES study (id) ON DELETE CASCADE
);
