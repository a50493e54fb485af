-- The privacy officers' access to the inbox: who they are, their passkeys, invitations and sessions.
-- Only hashes of invitation codes and session ids are kept: a copy of the database opens nothing.
CREATE TABLE officers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

-- WebAuthn credentials (public keys only; the private key never leaves the officer's authenticator).
CREATE TABLE passkeys (
  credential_id TEXT PRIMARY KEY,
  officer_id TEXT NOT NULL REFERENCES officers (id),
  public_key TEXT NOT NULL,
  counter INTEGER NOT NULL,
  transports TEXT,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX passkeys_officer ON passkeys (officer_id);

-- One-time invitations to enrol a first passkey: valid 24 hours, used once.
CREATE TABLE invitations (
  code_hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- Sessions: idle and absolute limits are checked on each use; revoked ones stay revoked.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  officer_id TEXT NOT NULL REFERENCES officers (id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_officer ON sessions (officer_id);
