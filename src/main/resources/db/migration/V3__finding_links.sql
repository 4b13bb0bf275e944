-- Typed links between findings, across studies too: one finding supports, contradicts or extends another.
CREATE SEQUENCE finding_link_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE finding_link (
    id              BIGINT                   NOT NULL,
    from_finding_id BIGINT                   NOT NULL,
    to_finding_id   BIGINT                   NOT NULL,
    type            VARCHAR(20)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100)             NOT NULL,
    CONSTRAINT pk_finding_link PRIMARY KEY (id),
    CONSTRAINT uk_finding_link UNIQUE (from_finding_id, to_finding_id, type),
    CONSTRAINT ck_finding_link_not_self CHECK (from_finding_id <> to_finding_id),
    CONSTRAINT fk_finding_link_from FOREIGN KEY (from_finding_id) REFERENCES finding (id) ON DELETE CASCADE,
    CONSTRAINT fk_finding_link_to FOREIGN KEY (to_finding_id) REFERENCES finding (id) ON DELETE CASCADE
);
CREATE INDEX ix_finding_link_to ON finding_link (to_finding_id);
