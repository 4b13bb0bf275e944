-- Whose result a finding reports (STUDY, PRIOR, EXPERT): a summary never presents a prior study's result or an
-- outside expert's view as the study's own. Existing findings of kind PRIOR_WORK report a prior study's result.
ALTER TABLE finding ADD COLUMN reported_by VARCHAR(16) DEFAULT 'STUDY' NOT NULL;
UPDATE finding SET reported_by = 'PRIOR' WHERE kind = 'PRIOR_WORK';
ALTER TABLE finding_aud ADD COLUMN reported_by VARCHAR(16);
ALTER TABLE finding_aud ADD COLUMN reported_by_mod BOOLEAN;
