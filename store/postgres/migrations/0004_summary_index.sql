-- Schema 4: every summary begins with the home screen's index entry and
-- keeps the name's sort key (summary format 3). The records are sealed, so
-- they are written again in Go after this file (upgradeSummaries); the
-- layout of the tables does not change.
SELECT 1;
