// The Store on node:sqlite: WAL journal and synchronous=FULL, so a request acknowledged with 201 survives a crash.
import { readdirSync, readFileSync } from 'node:fs';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { type AuditEntry, auditValues, requestValues, SQL, type Store, type StoredRequest, toAudit, toRequest } from './store.ts';

const migrations = new URL('./migrations/', import.meta.url);

export function openSqliteStore(path: string): Store & { close(): void } {
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  migrate(db);
  const statements = new Map<string, ReturnType<DatabaseSync['prepare']>>();
  const q = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const args = (values: unknown[]) => values as SQLInputValue[];
  const hits = new Map<string, { windowStart: number; count: number }>();
  const transaction = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    async insertRequest(request: StoredRequest, audit: AuditEntry) {
      // One transaction, so one synchronous write to disk per request filed.
      const inserted = transaction(() => {
        if (q(SQL.insert).run(...args(requestValues(request))).changes !== 1) return false;
        q(SQL.audit).run(...args(auditValues(audit)));
        return true;
      });
      if (inserted) return { inserted, request };
      return { inserted, request: toRequest(q(SQL.byIdempotency).get(request.idempotencyHash) as Record<string, unknown>) };
    },
    async getRequest(reference) {
      const row = q(SQL.byReference).get(reference);
      return row ? toRequest(row) : null;
    },
    async listRequests() {
      return q(SQL.list).all().map(toRequest);
    },
    async setStatus(reference, status, at, closedAt, audit) {
      return transaction(() => {
        const { changes } = q(SQL.setStatus).run(status, at, closedAt, reference);
        if (changes !== 1) return false;
        q(SQL.audit).run(...args(auditValues(audit)));
        return true;
      });
    },
    async appendAudit(entry: AuditEntry) {
      q(SQL.audit).run(...args(auditValues(entry)));
    },
    async listAudit(reference) {
      return (reference ? q(SQL.listAuditFor).all(reference) : q(SQL.listAudit).all()).map(toAudit);
    },
    async deleteRequests(references, audit) {
      return transaction(() => {
        let n = 0;
        for (const reference of references) n += Number(q(SQL.delete).run(reference).changes);
        for (const entry of audit) q(SQL.audit).run(...args(auditValues(entry)));
        return n;
      });
    },
    async addConsentReceipt(receipt, at) {
      q(SQL.receipt).run(at, receipt);
    },
    async countConsentReceipts() {
      return Number((q(SQL.countReceipts).get() as { n: number }).n);
    },
    async hit(key, windowStart) {
      // One process serves the Node entry: counters live in memory and need no disk write.
      const current = hits.get(key);
      const count = current?.windowStart === windowStart ? current.count + 1 : 1;
      hits.set(key, { windowStart, count });
      if (hits.size > 50_000) for (const [k, v] of hits) if (v.windowStart < windowStart) hits.delete(k);
      return count;
    },
    async spendProof(signature, expiresAt, now) {
      q(SQL.expireProofs).run(now);
      return q(SQL.spendProof).run(signature, expiresAt).changes === 1;
    },
    close() {
      db.close();
    },
  };
}

function migrate(db: DatabaseSync) {
  db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT name FROM migrations').all() as { name: string }[]).map((r) => r.name));
  for (const name of readdirSync(migrations)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    if (applied.has(name)) continue;
    db.exec('BEGIN');
    db.exec(readFileSync(new URL(name, migrations), 'utf8'));
    db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString());
    db.exec('COMMIT');
  }
}
