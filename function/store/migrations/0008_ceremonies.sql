-- A passkey ceremony (enrolment, sign-in, confirming a sensitive action) is kept here, on the server, from its options
-- to its answer: single use (deleted when spent), 5 minutes at most. Only hashes: the cookie's id and the challenge.
-- A few hundred rows at most (the overall rate limit), so expired ones are found without an index.
-- Passkeys that sync report no signature counter, so the spent challenge is the only guard against a replay.
CREATE TABLE ceremonies (
  id_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  challenge_hash TEXT NOT NULL,
  data TEXT,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;

-- When the officer last proved presence with their passkey in this session: exports, purges, invitations and
-- revocations ask again past a few minutes. A confirmation asked for one action also covers that action, once
-- (confirmed_at, spent by it), whatever the deployment's window.
ALTER TABLE sessions ADD COLUMN verified_at TEXT;
ALTER TABLE sessions ADD COLUMN confirmed_at TEXT;

-- Failed sign-ins, counted per window rather than written one row each: a flood of garbage grows one row.
CREATE TABLE signin_failures (
  window_start TEXT PRIMARY KEY,
  failures INTEGER NOT NULL
) WITHOUT ROWID;
