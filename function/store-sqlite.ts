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

  /**
   * Group commit: requests that arrive together share one transaction, hence one wait for the disk, and each is
   * answered only once that transaction is committed. A savepoint per request keeps one failure from sinking the rest.
   */
  type Pending = { request: StoredRequest; audit: AuditEntry; resolve: (r: { inserted: boolean; request: StoredRequest }) => void; reject: (e: unknown) => void };
  let pending: Pending[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    const outcomes: ({ inserted: boolean } | { error: unknown })[] = [];
    try {
      transaction(() => {
        for (const { request, audit } of batch) {
          db.exec('SAVEPOINT one');
          try {
            const inserted = q(SQL.insert).run(...args(requestValues(request))).changes === 1;
            if (inserted) q(SQL.audit).run(...args(auditValues(audit)));
            db.exec('RELEASE one');
            outcomes.push({ inserted });
          } catch (error) {
            db.exec('ROLLBACK TO one');
            db.exec('RELEASE one');
            outcomes.push({ error });
          }
        }
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    batch.forEach((p, i) => {
      const outcome = outcomes[i]!;
      if ('error' in outcome) p.reject(outcome.error);
      else if (outcome.inserted) p.resolve({ inserted: true, request: p.request });
      else p.resolve({ inserted: false, request: toRequest(q(SQL.byIdempotency).get(p.request.idempotencyHash) as Record<string, unknown>) });
    });
  };

  return {
    insertRequest(request: StoredRequest, audit: AuditEntry) {
      return new Promise((resolve, reject) => {
        pending.push({ request, audit, resolve, reject });
        if (pending.length === 1) setImmediate(flush);
      });
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
