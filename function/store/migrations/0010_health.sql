-- One row the readiness probe (/readyz) writes: proof that the database takes a write now, and nothing else.
CREATE TABLE health (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  probed_at TEXT NOT NULL
);
