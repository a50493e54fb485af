-- Each officer's device keys (age X25519 recipients: public halves only), made in the officer's own browser, where the
-- private half stays. A request is sealed for every active key of every active officer and for the recovery key.
CREATE TABLE officer_keys (
  fingerprint TEXT PRIMARY KEY,
  officer_id TEXT NOT NULL REFERENCES officers (id),
  recipient TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) WITHOUT ROWID;
CREATE INDEX officer_keys_officer ON officer_keys (officer_id);

-- The organisation's recovery key (public half), as the server was configured with it: one row, replaced when the
-- configuration changes (a rotation), with an audit entry.
CREATE TABLE recovery_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  recipient TEXT NOT NULL,
  since TEXT NOT NULL
);

-- The readers a request is sealed for (their fingerprints, sorted): a re-wrap finds the requests whose readers are
-- not today's. Requests sealed before (format v1, the former shared key) have none.
ALTER TABLE requests ADD COLUMN keyset TEXT NOT NULL DEFAULT '';

-- Status notes, sealed like their request and re-wrapped with it; the audit log (append-only) names each by its id.
CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  sealed TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX notes_reference ON notes (reference);
