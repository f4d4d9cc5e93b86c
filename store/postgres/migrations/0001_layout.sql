-- sipmote's layout on PostgreSQL, schema 1. Every value with personal
-- data is a sealed record made by sipmote's record codec (store.Codec):
-- with an encrypted database the server sees ciphertext, plan ids (random
-- UUIDs) and sequence numbers, nothing else.
CREATE TABLE sipmote_meta (
	key   text PRIMARY KEY,
	value bytea NOT NULL
);
-- One row per plan: the whole plan and its list line, sealed. The ids
-- sort bytewise (COLLATE "C"), so that a typed beginning of an id is
-- found through the primary key whatever the database's locale.
CREATE TABLE sipmote_plans (
	id      text COLLATE "C" PRIMARY KEY,
	record  bytea NOT NULL,
	summary bytea NOT NULL
);
-- An editor field left open, by plan id, and forms by "form:" and name.
CREATE TABLE sipmote_drafts (
	key    text PRIMARY KEY,
	record bytea NOT NULL
);
-- The access trail: each event is number seq of its owner (a plan id or
-- "file") and number file_seq of the whole database; the sealed event
-- carries both numbers and the hashes of the events before it.
CREATE TABLE sipmote_trail (
	file_seq bigint PRIMARY KEY,
	owner    text   NOT NULL,
	seq      bigint NOT NULL,
	record   bytea  NOT NULL,
	UNIQUE (owner, seq)
);
