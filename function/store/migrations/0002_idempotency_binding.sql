-- An idempotency key is bound to the request it first carried and to the network that sent it (keyed hashes only),
-- and rate counters of past windows can be dropped by window.
ALTER TABLE requests ADD COLUMN payload_hash TEXT;
ALTER TABLE requests ADD COLUMN owner_hash TEXT;
CREATE INDEX rate_window ON rate (window_start);
