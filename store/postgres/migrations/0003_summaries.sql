-- Schema 3: the list lines move to a table of their own, as on the file,
-- so that listing a hundred thousand plans reads their summaries only and
-- not pages full of whole plans.
CREATE TABLE sipmote_summaries (
	id      text COLLATE "C" PRIMARY KEY,
	summary bytea NOT NULL
);
INSERT INTO sipmote_summaries (id, summary) SELECT id, summary FROM sipmote_plans;
ALTER TABLE sipmote_plans DROP COLUMN summary;
