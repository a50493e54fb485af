-- The transactional outbox: a message is written with the request or status change it tells of, in the same
-- transaction, then delivered by a loop (Node) or a Cron Trigger (Workers). The id is the Message-ID's local part, so
-- a retry is the same message. Once delivered, the recipient and the content (which may hold a status link) go.
CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  reference TEXT,
  recipient TEXT,
  message TEXT,
  created_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at TEXT NOT NULL,
  lease_until TEXT,
  last_error TEXT,
  sent_at TEXT
) WITHOUT ROWID;
-- Rows keyed by their id alone (WITHOUT ROWID): a filing adds one random-key insert per table, not two.
CREATE INDEX outbox_due ON outbox (state, next_at);

-- The requester's e-mail address, confirmed by a link (single use, 7 days): one piece of identity verification,
-- never a condition for the request to count. Only the code's hash is kept; when it was used is in the audit log.
CREATE TABLE email_confirmations (
  code_hash TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  confirmed_at TEXT
) WITHOUT ROWID;
