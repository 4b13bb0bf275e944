-- A finding the pipeline was unsure of (its confidence below the review threshold) waits for a curator and stays
-- out of summaries until then.
ALTER TABLE finding ADD COLUMN needs_review BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE finding_aud ADD COLUMN needs_review BOOLEAN;
ALTER TABLE finding_aud ADD COLUMN needs_review_mod BOOLEAN;
CREATE INDEX ix_finding_needs_review ON finding (needs_review);
