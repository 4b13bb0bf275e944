-- History of sources (Hibernate Envers), as for studies: the metadata curators correct, with a *_mod flag per
-- property. The text never changes once stored, so no revision copies it.

CREATE TABLE source_document_aud (
    id                 BIGINT   NOT NULL,
    rev                BIGINT   NOT NULL,
    revtype            SMALLINT,
    title              VARCHAR(500),
    title_mod          BOOLEAN,
    publisher          VARCHAR(300),
    publisher_mod      BOOLEAN,
    url                VARCHAR(2048),
    url_mod            BOOLEAN,
    published_year     INTEGER,
    published_year_mod BOOLEAN,
    CONSTRAINT pk_source_document_aud PRIMARY KEY (id, rev),
    CONSTRAINT fk_source_document_aud_revision FOREIGN KEY (rev) REFERENCES revision (id)
);
