-- The officer's list pages by key (due date, then reference), not by offset: one index per filter the list offers,
-- so that page 1,000 of a filtered list costs what page 1 does.
DROP INDEX requests_due;
CREATE INDEX requests_due ON requests (due_at, reference);
CREATE INDEX requests_open ON requests (due_at, reference) WHERE closed_at IS NULL;
CREATE INDEX requests_status ON requests (status, due_at, reference);
CREATE INDEX requests_type ON requests (type, due_at, reference);
CREATE INDEX requests_type_open ON requests (type, due_at, reference) WHERE closed_at IS NULL;
CREATE INDEX requests_type_status ON requests (type, status, due_at, reference);
-- The retention view: requests closed before the period's start, oldest closed first.
CREATE INDEX requests_closed ON requests (closed_at, reference) WHERE closed_at IS NOT NULL;
