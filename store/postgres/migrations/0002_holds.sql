-- Schema 2: which program has a plan open in a meeting. A row is the
-- program's hold on a plan until expires; the program renews it while the
-- meeting is open, so a program that dies lets go when it runs out.
-- holder is random per program run; who is the account and the host, to
-- tell another secretary who has the plan.
CREATE TABLE sipmote_holds (
	plan    text PRIMARY KEY,
	holder  text        NOT NULL,
	who     text        NOT NULL,
	since   timestamptz NOT NULL,
	expires timestamptz NOT NULL
);
