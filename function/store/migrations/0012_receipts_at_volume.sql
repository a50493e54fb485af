-- Consent receipts at a busy network's volume: the day each decision was made, in a column (indexed), so that the
-- retention rule deletes by it; the officer's overview from counters per week and category kept as receipts arrive,
-- not from every receipt read again. A receipt may be deleted by the retention rule alone (function/receipts.ts):
-- in the transaction that records the rule's cut-off in receipt_purge, for decisions older than it, and never for a
-- decision that may still stand (395 days, the longest a choice lasts). Anything else is refused, as before.
DROP TRIGGER receipts_append_only_update;
DROP TRIGGER receipts_append_only_delete;
ALTER TABLE consent_receipts ADD COLUMN decided_at TEXT;
UPDATE consent_receipts SET decided_at = json_extract(receipt, '$.decidedAt');
CREATE INDEX consent_receipts_decided ON consent_receipts (decided_at);

CREATE TABLE consent_weeks (
  week TEXT NOT NULL,
  category TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (week, category)
) WITHOUT ROWID;
INSERT INTO consent_weeks (week, category, n)
  SELECT date(substr(decided_at, 1, 10), 'weekday 0', '-6 days'), '', count(*) FROM consent_receipts
  WHERE decided_at IS NOT NULL GROUP BY 1;
INSERT INTO consent_weeks (week, category, n)
  SELECT date(substr(r.decided_at, 1, 10), 'weekday 0', '-6 days'), c.key, count(*)
  FROM consent_receipts r, json_each(r.receipt, '$.choices') c
  WHERE r.decided_at IS NOT NULL AND c.key != 'necessary' AND c.value = 1 GROUP BY 1, 2;

CREATE TABLE receipt_purge (before TEXT NOT NULL);
CREATE TRIGGER receipts_append_only_update BEFORE UPDATE ON consent_receipts BEGIN SELECT RAISE(ABORT, 'consent receipts are append-only'); END;
CREATE TRIGGER receipts_append_only_delete BEFORE DELETE ON consent_receipts WHEN NOT (OLD.decided_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-395 days') AND EXISTS (SELECT 1 FROM receipt_purge WHERE OLD.decided_at < receipt_purge.before)) BEGIN SELECT RAISE(ABORT, 'consent receipts are deleted by the retention rule alone'); END;
