-- The public key requests are sealed to, when the first officer made the pair in the inbox rather than the
-- administrator in the settings (OFFICER_PUBLIC_KEY wins when both exist). One row, written once: replacing it would
-- let whoever holds a session redirect every later request to a key of their own.
CREATE TABLE officer_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  jwk TEXT NOT NULL,
  registered_by TEXT NOT NULL REFERENCES officers (id),
  registered_at TEXT NOT NULL
);
