-- Privacy requests: only reference, type, dates and status are in clear; everything about the person is sealed.
CREATE TABLE requests (
  reference TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  received_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  status TEXT NOT NULL,
  status_changed_at TEXT NOT NULL,
  closed_at TEXT,
  token_hash TEXT NOT NULL,
  idempotency_hash TEXT NOT NULL UNIQUE,
  sealed TEXT NOT NULL
);
CREATE INDEX requests_due ON requests (due_at);

-- Who did what, when: append-only.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  reference TEXT,
  action TEXT NOT NULL,
  operator TEXT NOT NULL,
  detail TEXT
);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- Consent receipts from the widget: pseudonymous, append-only.
CREATE TABLE consent_receipts (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  received_at TEXT NOT NULL,
  receipt TEXT NOT NULL
);
CREATE TRIGGER receipts_append_only_update BEFORE UPDATE ON consent_receipts BEGIN SELECT RAISE(ABORT, 'consent receipts are append-only'); END;
CREATE TRIGGER receipts_append_only_delete BEFORE DELETE ON consent_receipts BEGIN SELECT RAISE(ABORT, 'consent receipts are append-only'); END;

-- Requests per hashed client address and time window.
CREATE TABLE rate (
  key TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  hits INTEGER NOT NULL
);

-- Proofs of work already spent, until they expire.
CREATE TABLE spent_proofs (
  signature TEXT PRIMARY KEY,
  expires_at INTEGER NOT NULL
);
