-- A tamper-evident audit log: each entry carries the SHA-256 of the previous entry's hash and its own content
-- (function/audit-chain.ts). Entries are written without it and chained in order right after; the only change the
-- log accepts is that one: a hash set once where there was none, nothing else of the entry touched.
ALTER TABLE audit ADD COLUMN hash TEXT;
CREATE INDEX audit_unchained ON audit (id) WHERE hash IS NULL;
DROP TRIGGER audit_append_only_update;
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit WHEN NOT (OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.reference IS OLD.reference AND NEW.action IS OLD.action AND NEW.operator IS OLD.operator AND NEW.detail IS OLD.detail) BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
