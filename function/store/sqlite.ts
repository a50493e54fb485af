// The Store on node:sqlite: WAL journal and synchronous=FULL, so a request acknowledged with 201 survives a crash.
// node:sqlite is synchronous: a lock held by another process must never hold the event loop, so the engine never
// waits (busy_timeout 0) and a locked write is tried again after a pause that yields, until a budget runs out.
import { chmodSync, closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { backup, DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { setTimeout as sleep } from 'node:timers/promises';
import { receiptFacts } from '../domain/consent-overview.ts';
import { type FollowUps, OUTBOX_SQL as O, outboxValues, toClaimed, toUndelivered } from '../mail/outbox.ts';
import {
  ACCESS_SQL as A,
  type AccessStore,
  ceremonyValues,
  toCeremony,
  toFailures,
  toInvitation,
  toOfficer,
  toOfficerKey,
  toPasskey,
  toSession,
} from './access.ts';
import {
  type AuditEntry,
  auditValues,
  requestValues,
  resealAuditValues,
  SQL,
  statusValues,
  type Store,
  StoreError,
  type StoredRequest,
  storeErrorOf,
  pageSql,
  auditPageSql,
  pageValues,
  agesOf,
  toAudit,
  toChained,
  toJournalRow,
  toListed,
  toNote,
  toRequest,
  toSealedNote,
  toChainLink,
  toWeekCount,
  scanOf,
} from './contract.ts';

// From this folder or from the Node entry's bundle beside function/entries/ (function/node/bundle.ts) alike.
const migrations = new URL('../store/migrations/', import.meta.url);

export interface SqliteOptions {
  /** How long a write may wait for another connection's lock, in pauses that let the server answer others (ms). */
  busyBudgetMs?: number;
  /** Runs on the connection once migrated, before it serves (tests inject faults: `PRAGMA max_page_count`…). */
  onOpen?: (db: DatabaseSync) => void;
  /** Tests: migrate no further than this migration (a database as an earlier release left it). */
  schemaUpTo?: string;
}

/** Opens the database file, private to this user (0600, like the keys; SQLite gives -wal and -shm the same mode). */
function openPrivately(path: string): DatabaseSync {
  if (path !== ':memory:') {
    try {
      closeSync(openSync(path, 'a', 0o600));
      chmodSync(path, 0o600);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      throw new Error(
        `Cannot open the database ${path}: ${message.replace(/^\w+: /, '')}${code ? ` (${code})` : ''}. ` +
          'Set PORTAL_DB or PORTAL_DATA to a writable place.',
      );
    }
  }
  return new DatabaseSync(path);
}

/**
 * For a second tool on the database of a running server (the command line, a test): it waits for the server's lock as
 * long as a person would, rather than fail on a busy moment.
 */
export const BESIDE_A_SERVER: SqliteOptions = { busyBudgetMs: 30_000 };

const isBusy = (error: unknown) => error instanceof StoreError && error.fault === 'busy';

/** The Node store: the store's promises, and what only a file can do (close it, copy it while it serves). */
export type SqliteStore = Store &
  AccessStore & { close(): void; backup(out: string, progress?: (done: number, total: number) => void): Promise<void> };

export function openSqliteStore(path: string, options: SqliteOptions = {}): SqliteStore {
  const budget = options.busyBudgetMs ?? 3_000;
  const db = openPrivately(path);
  // Start-up may wait for a lock (nothing is served yet); after that the engine never waits on its own.
  // secure_delete: what is deleted or overwritten (a purged request, a spent ceremony, a delivered message's seal) is
  // zeroed in the file rather than left in its free pages.
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; ' +
      'PRAGMA secure_delete = ON;',
  );
  migrate(db, path, options.schemaUpTo);
  db.exec('PRAGMA busy_timeout = 0');
  options.onOpen?.(db);
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
  const transaction = <T>(work: () => T): T => {
    db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      db.exec('COMMIT');
      return result;
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  };
  /** What a filing or a status change writes with it, inside its transaction. */
  const writeFollowUps = (followUps: FollowUps | undefined, at: string) => {
    if (!followUps) return;
    for (const m of followUps.messages) q(O.insert).run(...args(outboxValues(m, at)));
  };
  /** Pauses between tries on a lock: short at first, never long, so a brief lock costs little and a long one ends. */
  const pause = (attempt: number) => Math.min(5 * 2 ** attempt, 250);
  /** Runs `work`, trying again on a lock until the budget is spent; engine errors come out as StoreErrors. */
  async function retrying<T>(work: () => T): Promise<T> {
    const until = Date.now() + budget;
    for (let attempt = 0; ; attempt++) {
      try {
        return work();
      } catch (raw) {
        const error = storeErrorOf(raw);
        if (!isBusy(error) || Date.now() + pause(attempt) > until) throw error;
        await sleep(pause(attempt));
      }
    }
  }

  /**
   * Group commit: writes that arrive together (filings, consent receipts) share one transaction, hence one wait for
   * the disk, and each is answered only once that transaction is committed. A savepoint per write keeps one failure
   * from sinking the rest; where `writeAll` is given, the batch is written in one savepoint first, and one by one only
   * if a write fails. A batch that finds the database locked waits its turn again, each write within its budget.
   */
  function groupCommit<T, R>(writeOne: (item: T) => R, writeAll?: (items: T[]) => R[]) {
    type Pending = { item: T; until: number; resolve: (r: R) => void; reject: (e: unknown) => void };
    let pending: Pending[] = [];
    let scheduled = false;
    let attempt = 0;
    const schedule = (delay: number) => {
      if (scheduled) return;
      scheduled = true;
      const run = () => {
        scheduled = false;
        flush();
      };
      if (delay) setTimeout(run, delay);
      else setImmediate(run);
    };
    const flush = () => {
      const batch = pending;
      pending = [];
      if (!batch.length) return;
      let outcomes: ({ value: R } | { error: unknown })[] = [];
      try {
        transaction(() => {
          // All at once when the batch allows it (no savepoint per write); if one write fails, each on its own.
          if (writeAll && batch.length > 1) {
            db.exec('SAVEPOINT every');
            try {
              outcomes = writeAll(batch.map((p) => p.item)).map((value) => ({ value }));
              db.exec('RELEASE every');
              return;
            } catch (error) {
              if (!db.isTransaction) throw error;
              db.exec('ROLLBACK TO every');
              db.exec('RELEASE every');
            }
          }
          for (const { item } of batch) {
            db.exec('SAVEPOINT one');
            try {
              const value = writeOne(item);
              db.exec('RELEASE one');
              outcomes.push({ value });
            } catch (error) {
              // Some errors (a full disk) end the whole transaction: then the batch fails with that error.
              if (!db.isTransaction) throw error;
              db.exec('ROLLBACK TO one');
              db.exec('RELEASE one');
              outcomes.push({ error });
            }
          }
        });
      } catch (raw) {
        const error = storeErrorOf(raw);
        if (!isBusy(error)) {
          for (const p of batch) p.reject(error);
          return;
        }
        const now = Date.now();
        const delay = pause(attempt++);
        const waiting: Pending[] = [];
        for (const p of batch) {
          if (p.until > now + delay) waiting.push(p);
          else p.reject(error);
        }
        pending = [...waiting, ...pending];
        if (pending.length) schedule(delay);
        return;
      }
      attempt = 0;
      batch.forEach((p, i) => {
        const outcome = outcomes[i]!;
        if ('error' in outcome) p.reject(storeErrorOf(outcome.error));
        else p.resolve(outcome.value);
      });
      if (pending.length) schedule(0);
    };
    return (item: T) =>
      new Promise<R>((resolve, reject) => {
        pending.push({ item, until: Date.now() + budget, resolve, reject });
        schedule(0);
      });
  }
  const fileRequest = groupCommit(
    ({
      request,
      audit,
      followUps,
    }: {
      request: StoredRequest;
      audit: AuditEntry;
      followUps: FollowUps | undefined;
    }) => {
      const inserted = q(SQL.insert).run(...args(requestValues(request))).changes === 1;
      if (inserted) {
        q(SQL.audit).run(...args(auditValues(audit)));
        writeFollowUps(followUps, audit.at);
      }
      return inserted;
    },
  );
  // Receipts are the high-volume path (every decision on every site): a commit each would make the disk the limit.
  // A receipt's facts are read before it queues, so that parsing never holds the write lock.
  type ReceiptRow = { receipt: string; at: string } & ReturnType<typeof receiptFacts>;
  // A batch counts its decisions per week and category first: one counter write per pair, not per receipt.
  const fileReceipts = (rows: ReceiptRow[]) => {
    const counts = new Map<string, { week: string; category: string; n: number }>();
    for (const { receipt, at, decidedAt, week, accepted } of rows) {
      q(SQL.receipt).run(at, receipt, decidedAt);
      for (const category of ['', ...accepted]) {
        const key = `${week} ${category}`;
        const count = counts.get(key);
        if (count) count.n++;
        else counts.set(key, { week, category, n: 1 });
      }
    }
    for (const { week, category, n } of counts.values()) q(SQL.countWeek).run(week, category, n);
    return rows.map(() => undefined);
  };
  const fileReceipt = groupCommit((row: ReceiptRow) => void fileReceipts([row]), fileReceipts);

  return {
    async insertRequest(request, audit, followUps) {
      if (await fileRequest({ request, audit, followUps })) return { inserted: true, request };
      const first = await retrying(() => q(SQL.byIdempotency).get(request.idempotencyHash));
      return { inserted: false, request: toRequest(first as Record<string, unknown>) };
    },
    getRequest: (reference) =>
      retrying(() => {
        const row = q(SQL.byReference).get(reference);
        return row ? toRequest(row) : null;
      }),
    requestByIdempotency: (hash) =>
      retrying(() => {
        const row = q(SQL.byIdempotency).get(hash);
        return row ? toRequest(row) : null;
      }),
    listRequests: () => retrying(() => q(SQL.list).all().map(toRequest)),
    closedBefore: (cutoff, limit) => retrying(() => q(SQL.closedBefore).all(cutoff, limit).map(toListed)),
    pageRequests: (filter, after, limit) => {
      const sql = pageSql(filter, after !== null);
      const values = pageValues(filter, after, limit);
      return retrying(() => ({
        total: Number((q(sql.count).get(...args(values.count)) as { n: number }).n),
        rows: q(sql.page)
          .all(...args(values.page))
          .map(toListed),
      }));
    },
    setStatus: (change, audit, followUps) =>
      retrying(() =>
        transaction(() => {
          const { changes } = q(SQL.setStatus).run(...args(statusValues(change)));
          if (changes !== 1) return false;
          q(SQL.audit).run(...args(auditValues(audit)));
          if (change.note) q(SQL.addNoteIfChanged).run(change.note.id, change.note.reference, change.note.sealed);
          writeFollowUps(followUps, change.at);
          return true;
        }),
      ),
    appendAudit: (entry) => retrying(() => void q(SQL.audit).run(...args(auditValues(entry)))),
    listAudit: (reference) =>
      retrying(() => (reference ? q(SQL.listAuditFor).all(reference) : q(SQL.listAudit).all()).map(toAudit)),
    deleteRequests: (references, audit) =>
      retrying(() =>
        transaction(() => {
          let n = 0;
          references.forEach((reference, i) => {
            // A request already gone (another officer's purge came first) is neither counted nor audited twice.
            if (Number(q(SQL.delete).run(reference).changes) !== 1) return;
            n += 1;
            q(SQL.deleteNotes).run(reference);
            q(SQL.audit).run(...args(auditValues(audit[i]!)));
          });
          return n;
        }),
      ),
    listNotes: (reference) => retrying(() => q(SQL.listNotes).all(reference).map(toNote)),
    recipients: () =>
      retrying(() =>
        q(SQL.recipients)
          .all()
          .map((r) => String(r['recipient'])),
      ),
    pageToReseal: (keyset, after, limit) =>
      retrying(() => {
        const total = Number((q(SQL.countToReseal).get(keyset) as { n: number }).n);
        const rows = q(SQL.pageToReseal)
          .all(keyset, after, limit)
          .map((r) => ({
            reference: String(r['reference']),
            sealed: String(r['sealed']),
            keyset: String(r['keyset']),
            notes: q(SQL.notesToReseal).all(String(r['reference'])).map(toSealedNote),
          }));
        return { total, rows };
      }),
    resealRequests: (items, keyset, audit) =>
      retrying(() =>
        transaction(() => {
          let n = 0;
          for (const item of items) {
            n += Number(q(SQL.reseal).run(item.sealed, keyset, item.reference, item.from).changes);
            for (const note of item.notes) q(SQL.resealNote).run(note.id, item.reference, note.sealed, keyset);
          }
          q(SQL.resealAudit).run(...args(resealAuditValues(audit, keyset, items)));
          return n;
        }),
      ),
    auditToChain: (limit) =>
      retrying(() => {
        const last = q(SQL.lastChained).get();
        return {
          previous: toChainLink(last),
          rows: q(SQL.unchained).all(limit).map(toChained),
        };
      }),
    chainAudit: (hashes) =>
      retrying(() => transaction(() => hashes.reduce((n, h) => n + Number(q(SQL.chain).run(h.hash, h.id).changes), 0))),
    pageAudit: (filter, beforeId, limit) => {
      const { sql, values } = auditPageSql(filter, beforeId > 0);
      return retrying(() => {
        const statement = q(sql);
        statement.setReturnArrays(true);
        return (statement.all(...args(values(beforeId, limit))) as unknown as unknown[][]).map(toJournalRow);
      });
    },
    auditAfter: (afterId, limit) => retrying(() => q(SQL.auditAfter).all(afterId, limit).map(toChained)),
    recordScan: (scan, audit) =>
      retrying(() =>
        transaction(() => {
          q(SQL.recordScan).run(scan.finishedAt, scan.recordedAt, scan.summary);
          q(SQL.keepScans).run();
          q(SQL.audit).run(...args(auditValues(audit)));
        }),
      ),
    lastScan: () => retrying(() => scanOf(q(SQL.lastScan).get())),
    probeWrite: (at) => retrying(() => void q(SQL.probe).run(at)),
    schemaOf: async () => appliedMigrations(db).at(-1) ?? null,
    outboxAges: () => retrying(() => agesOf(q(SQL.outboxAges).get())),
    addConsentReceipt: async (receipt, at) => fileReceipt({ receipt, at, ...receiptFacts(receipt) }),
    consentWeeks: () => retrying(() => q(SQL.consentWeeks).all().map(toWeekCount)),
    purgeReceipts: (before, audit) =>
      retrying(() =>
        transaction(() => {
          q(SQL.purgeFrom).run(before);
          const deleted = Number(q(SQL.purgeReceipts).run(before).changes);
          q(SQL.purgeAudit).run(audit.at, audit.action, audit.operator);
          q(SQL.purgeDone).run();
          return deleted;
        }),
      ),
    countConsentReceipts: () => retrying(() => Number((q(SQL.countReceipts).get() as { n: number }).n)),
    spendProof: (signature, expiresAt, now) =>
      retrying(() => {
        q(SQL.expireProofs).run(now);
        return q(SQL.spendProof).run(signature, expiresAt).changes === 1;
      }),
    claimMessages: (now, leaseUntil, limit) =>
      retrying(() => q(O.claim).all(leaseUntil, now, now, limit).map(toClaimed)),
    messagesSent: (ids, at) =>
      retrying(() =>
        transaction(() => {
          for (const id of ids) q(O.sent).run(at, id);
        }),
      ),
    messageFailed: (id, error, nextAt) =>
      retrying(() => void (nextAt ? q(O.retryLater).run(error, nextAt, id) : q(O.giveUp).run(error, id))),
    enqueueMessages: (messages, at) =>
      retrying(() =>
        transaction(() => {
          for (const m of messages) q(O.insert).run(...args(outboxValues(m, at)));
        }),
      ),
    releaseLeases: () => retrying(() => void q(O.release).run()),
    listUndelivered: () => retrying(() => q(O.undelivered).all().map(toUndelivered)),
    retryMessage: (id, now, audit) =>
      retrying(() =>
        transaction(() => {
          if (q(O.retry).run(now, id).changes !== 1) return false;
          q(SQL.audit).run(...args(auditValues(audit)));
          return true;
        }),
      ),
    confirmEmail: (audit) => retrying(() => q(O.confirmOnce).run(...args(auditValues(audit))).changes === 1),
    emailConfirmedAt: (reference) =>
      retrying(() => {
        const row = q(O.confirmedAt).get(reference);
        return row ? String(row['confirmed_at']) : null;
      }),
    addInvitation: (inv, audit) =>
      retrying(() =>
        transaction(() => {
          q(A.addInvitation).run(inv.codeHash, inv.name, inv.createdBy, inv.createdAt, inv.expiresAt);
          q(SQL.audit).run(...args(auditValues(audit)));
        }),
      ),
    getInvitation: (codeHash) =>
      retrying(() => {
        const row = q(A.getInvitation).get(codeHash);
        return row ? toInvitation(row) : null;
      }),
    redeemInvitation: (codeHash, now, officer, passkey, audit) =>
      retrying(() =>
        transaction(() => {
          if (q(A.spendInvitation).run(now, codeHash, now).changes !== 1) return false;
          q(A.addOfficer).run(officer.id, officer.name, officer.createdAt);
          q(A.addPasskey).run(
            passkey.credentialId,
            passkey.officerId,
            passkey.publicKey,
            passkey.counter,
            passkey.transports,
            passkey.createdAt,
          );
          q(SQL.audit).run(...args(auditValues(audit)));
          return true;
        }),
      ),
    getOfficer: (id) =>
      retrying(() => {
        const row = q(A.getOfficer).get(id);
        return row ? toOfficer(row) : null;
      }),
    listOfficers: () => retrying(() => q(A.listOfficers).all().map(toOfficer)),
    revokeOfficer: (id, at, audit) =>
      retrying(() =>
        transaction(() => {
          if (q(A.revokeOfficer).run(at, id).changes !== 1) return false;
          q(A.revokeSessionsOf).run(at, id);
          q(A.revokeKeysOf).run(at, id);
          q(SQL.audit).run(...args(auditValues(audit)));
          return true;
        }),
      ),
    getPasskey: (credentialId) =>
      retrying(() => {
        const row = q(A.getPasskey).get(credentialId);
        return row ? toPasskey(row) : null;
      }),
    passkeysOf: (officerId) => retrying(() => q(A.passkeysOf).all(officerId).map(toPasskey)),
    usePasskey: (credentialId, counter, at) => retrying(() => void q(A.usePasskey).run(counter, at, credentialId)),
    addSession: (s) =>
      retrying(() => void q(A.addSession).run(s.idHash, s.officerId, s.createdAt, s.lastSeenAt, s.expiresAt)),
    getSession: (idHash) =>
      retrying(() => {
        const row = q(A.getSession).get(idHash);
        return row ? toSession(row) : null;
      }),
    verifySession: (idHash, at) => retrying(() => void q(A.verifySession).run(at, idHash)),
    spendConfirmation: (idHash, since) => retrying(() => q(A.spendConfirmation).run(idHash, since).changes === 1),
    addCeremony: (ceremony, now) =>
      retrying(() =>
        transaction(() => {
          q(A.expireCeremonies).run(now);
          q(A.addCeremony).run(...args(ceremonyValues(ceremony)));
        }),
      ),
    spendCeremony: (idHash) =>
      retrying(() => {
        const row = q(A.spendCeremony).get(idHash);
        return row ? toCeremony(row) : null;
      }),
    countSigninFailure: (windowStart) => retrying(() => void q(A.countSigninFailure).run(windowStart)),
    signinFailures: (since) => retrying(() => q(A.signinFailures).all(since).map(toFailures)),
    touchSession: (idHash, at) => retrying(() => void q(A.touchSession).run(at, idHash)),
    revokeSession: (idHash, at) => retrying(() => void q(A.revokeSession).run(at, idHash)),
    addOfficerKey: (key, audit) =>
      retrying(() =>
        transaction(() => {
          if (q(A.addOfficerKey).run(key.fingerprint, key.officerId, key.recipient, key.createdAt).changes !== 1)
            return false;
          q(SQL.audit).run(...args(auditValues(audit)));
          return true;
        }),
      ),
    listOfficerKeys: () => retrying(() => q(A.listOfficerKeys).all().map(toOfficerKey)),
    setRecoveryKey: (recipient, at, audit) =>
      retrying(() =>
        transaction(() => {
          if (q(SQL.setRecoveryKey).run(recipient, at).changes !== 1) return false;
          q(SQL.audit).run(...args(auditValues(audit)));
          return true;
        }),
      ),
    /**
     * A consistent copy of the database into `out` (a new file, 0600) while the server goes on answering: SQLite's
     * online backup, a hundred pages a step, each step between the server's own work.
     */
    async backup(out: string, progress?: (done: number, total: number) => void): Promise<void> {
      closeSync(openSync(out, 'wx', 0o600));
      await backup(db, out, {
        rate: 100,
        progress: ({ totalPages, remainingPages }) => progress?.(totalPages - remainingPages, totalPages),
      });
      settle(out);
    },
    close() {
      db.close();
    },
  };
}

/** A copy made self-contained: one file, no write-ahead log beside it, private to this user. */
export function settle(file: string): void {
  const copy = new DatabaseSync(file);
  try {
    copy.exec('PRAGMA journal_mode = DELETE');
  } finally {
    copy.close();
  }
  chmodSync(file, 0o600);
}

/**
 * A consistent copy of an open database into a new file (`VACUUM INTO`, synchronous), made 0600 before a byte is
 * written and self-contained after: the copy taken before an upgrade, and the one a restore keeps of what it replaces.
 */
export function snapshotInto(db: DatabaseSync, file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
  db.prepare('VACUUM INTO ?').run(file);
  settle(file);
}

/** The schema this code writes: every migration it ships, in order. */
export const MIGRATIONS = readdirSync(migrations)
  .filter((f) => f.endsWith('.sql'))
  .sort();

/** The migrations a database has had (none for a new one). */
export function appliedMigrations(db: DatabaseSync): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  if (!table) return [];
  return (db.prepare('SELECT name FROM migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name);
}

/** Why this code must not open a database: one written by a newer version (a migration it does not know). */
export function newerSchema(applied: readonly string[]): string | null {
  const unknown = applied.find((name) => !MIGRATIONS.includes(name));
  return unknown
    ? `This database was written by a newer version of the portal (its schema has ${unknown}, which this version ` +
        'does not know). Run that version, or restore a backup made by this one.'
    : null;
}

/**
 * Brings the schema up to date at start, all pending migrations in one transaction: an upgrade that fails halfway
 * leaves the database as it was. Before it changes a database that holds anything, a copy is taken beside it
 * (`VACUUM INTO`, a consistent snapshot: nothing is served yet, and the open must stay synchronous), 0600 like the
 * database. `upTo` (tests) stops at a given migration, to make a database of an earlier release.
 */
function migrate(db: DatabaseSync, path: string, upTo?: string) {
  const applied = appliedMigrations(db);
  const newer = newerSchema(applied);
  if (newer) throw new Error(newer);
  const pending = MIGRATIONS.filter((name) => !applied.includes(name) && (!upTo || name <= upTo));
  if (!pending.length) return;
  if (applied.length && path !== ':memory:') {
    const copy = `${path}.before-${pending[0]!.replace(/\.sql$/, '')}-${Date.now()}`;
    snapshotInto(db, copy);
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec('CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    for (const name of pending) {
      db.exec(readFileSync(new URL(name, migrations), 'utf8'));
      db.prepare('INSERT INTO migrations (name, applied_at) VALUES (?, ?)').run(name, new Date().toISOString());
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
