// The Store on Cloudflare D1, with the same SQL as node:sqlite; atomic steps go through `batch`.
import * as outbox from '../mail/outbox.ts';
import { receiptFacts } from '../domain/consent-overview.ts';
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
  type Counter,
  requestValues,
  resealAuditValues,
  SQL,
  pageSql,
  auditPageSql,
  pageValues,
  agesOf,
  statusValues,
  type Store,
  storeErrorOf,
  type StoredRequest,
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

/** The part of D1's API this store uses (so no Workers type package is needed). */
export interface D1Database {
  prepare(sql: string): D1Statement;
  batch(statements: D1Statement[]): Promise<{ meta: { changes: number }; results: Record<string, unknown>[] }[]>;
}
export interface D1Statement {
  bind(...values: unknown[]): D1Statement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<{ results: T[] }>;
  /** The rows as arrays, in the columns' order. */
  raw(): Promise<unknown[][]>;
  run(): Promise<{ meta: { changes: number } }>;
}

/**
 * D1 with its engine errors as the store's own (StoreError: busy, full, unavailable), as node:sqlite's are, so the
 * function answers a locked or full D1 as it answers a locked or full disk. Statements stay D1's own for `batch`.
 */
function guarded(db: D1Database): D1Database {
  const raw = new WeakMap<D1Statement, D1Statement>();
  const mapped = <T>(work: () => Promise<T>) =>
    work().catch((error: unknown) => {
      throw storeErrorOf(error);
    });
  const statement = (s: D1Statement): D1Statement => {
    const wrapped: D1Statement = {
      bind: (...values) => statement(s.bind(...values)),
      first: () => mapped(() => s.first()),
      all: () => mapped(() => s.all()),
      raw: () => mapped(() => s.raw()),
      run: () => mapped(() => s.run()),
    };
    raw.set(wrapped, s);
    return wrapped;
  };
  return {
    prepare: (sql) => statement(db.prepare(sql)),
    batch: (statements) => mapped(() => db.batch(statements.map((s) => raw.get(s) ?? s))),
  };
}

/** The audit entry is written only when the statement before it changed a row (same connection, same batch). */
const AUDIT_IF_CHANGED =
  'INSERT INTO audit (at, reference, action, operator, detail) SELECT ?, ?, ?, ?, ? WHERE changes() = 1';

const O = outbox.OUTBOX_SQL;

export function d1Store(d1: D1Database): Store {
  const db = guarded(d1);
  const q = (sql: string, ...values: unknown[]) => db.prepare(sql).bind(...values);
  /** Each row only if the one before it was written: a request filed twice writes its messages once. */
  const followUpsIfChanged = (followUps: outbox.FollowUps | undefined, at: string) => [
    ...(followUps?.messages ?? []).map((m) => q(O.insertIfChanged, ...outbox.outboxValues(m, at))),
  ];
  return {
    async claimMessages(now, leaseUntil, limit) {
      return (await q(O.claim, leaseUntil, now, now, limit).all()).results.map(outbox.toClaimed);
    },
    async messagesSent(ids, at) {
      if (ids.length) await db.batch(ids.map((id) => q(O.sent, at, id)));
    },
    async messageFailed(id, error, nextAt) {
      await (nextAt ? q(O.retryLater, error, nextAt, id) : q(O.giveUp, error, id)).run();
    },
    async enqueueMessages(messages, at) {
      if (messages.length) await db.batch(messages.map((m) => q(O.insert, ...outbox.outboxValues(m, at))));
    },
    async releaseLeases() {
      await q(O.release).run();
    },
    async listUndelivered() {
      return (await q(O.undelivered).all()).results.map(outbox.toUndelivered);
    },
    async retryMessage(id, now, audit) {
      const [retried] = await db.batch([q(O.retry, now, id), q(AUDIT_IF_CHANGED, ...auditValues(audit))]);
      return retried?.meta.changes === 1;
    },
    async confirmEmail(audit) {
      return (await q(O.confirmOnce, ...auditValues(audit)).run()).meta.changes === 1;
    },
    async emailConfirmedAt(reference) {
      const row = await q(O.confirmedAt, reference).first();
      return row ? String(row['confirmed_at']) : null;
    },
    async insertRequest(request: StoredRequest, audit: AuditEntry, followUps?: outbox.FollowUps) {
      const [insert] = await db.batch([
        q(SQL.insert, ...requestValues(request)),
        q(AUDIT_IF_CHANGED, ...auditValues(audit)),
        ...followUpsIfChanged(followUps, audit.at),
      ]);
      if (insert?.meta.changes === 1) return { inserted: true, request };
      return { inserted: false, request: toRequest((await q(SQL.byIdempotency, request.idempotencyHash).first())!) };
    },
    async getRequest(reference) {
      const row = await q(SQL.byReference, reference).first();
      return row ? toRequest(row) : null;
    },
    async requestByIdempotency(hash) {
      const row = await q(SQL.byIdempotency, hash).first();
      return row ? toRequest(row) : null;
    },
    async listRequests() {
      return (await q(SQL.list).all()).results.map(toRequest);
    },
    async closedBefore(cutoff, limit) {
      return (await q(SQL.closedBefore, cutoff, limit).all()).results.map(toListed);
    },
    async pageRequests(filter, after, limit) {
      const sql = pageSql(filter, after !== null);
      const values = pageValues(filter, after, limit);
      const [count, page] = await db.batch([q(sql.count, ...values.count), q(sql.page, ...values.page)]);
      return { total: Number(count?.results[0]?.['n'] ?? 0), rows: (page?.results ?? []).map(toListed) };
    },
    async setStatus(change, audit, followUps) {
      // One batch is one transaction on D1: the update happens only from the status read, and the audit entry and
      // messages only if it did.
      const [update] = await db.batch([
        q(SQL.setStatus, ...statusValues(change)),
        q(AUDIT_IF_CHANGED, ...auditValues(audit)),
        ...(change.note ? [q(SQL.addNoteIfChanged, change.note.id, change.note.reference, change.note.sealed)] : []),
        ...followUpsIfChanged(followUps, change.at),
      ]);
      return update?.meta.changes === 1;
    },
    async appendAudit(entry) {
      await q(SQL.audit, ...auditValues(entry)).run();
    },
    async listAudit(reference) {
      return (await (reference ? q(SQL.listAuditFor, reference) : q(SQL.listAudit)).all()).results.map(toAudit);
    },
    async deleteRequests(references, audit) {
      if (!references.length) return 0;
      // Each request's entry right after its delete, so that `changes()` is that delete's: a request already gone
      // (another officer's purge came first) is neither counted nor audited twice.
      const results = await db.batch(
        references.flatMap((r, i) => [
          q(SQL.delete, r),
          q(AUDIT_IF_CHANGED, ...auditValues(audit[i]!)),
          q(SQL.deleteNotes, r),
        ]),
      );
      return results.filter((_, i) => i % 3 === 0).reduce((n, r) => n + r.meta.changes, 0);
    },
    async setRecoveryKey(recipient, at, audit) {
      const [set] = await db.batch([q(SQL.setRecoveryKey, recipient, at), q(AUDIT_IF_CHANGED, ...auditValues(audit))]);
      return set?.meta.changes === 1;
    },
    async listNotes(reference) {
      return (await q(SQL.listNotes, reference).all()).results.map(toNote);
    },
    async recipients() {
      return (await q(SQL.recipients).all()).results.map((r) => String(r['recipient']));
    },
    async pageToReseal(keyset, after, limit) {
      const [count, page] = await db.batch([q(SQL.countToReseal, keyset), q(SQL.pageToReseal, keyset, after, limit)]);
      const rows = page?.results ?? [];
      const notes = rows.length ? await db.batch(rows.map((r) => q(SQL.notesToReseal, String(r['reference'])))) : [];
      return {
        total: Number(count?.results[0]?.['n'] ?? 0),
        rows: rows.map((r, i) => ({
          reference: String(r['reference']),
          sealed: String(r['sealed']),
          keyset: String(r['keyset']),
          notes: (notes[i]?.results ?? []).map(toSealedNote),
        })),
      };
    },
    async resealRequests(items, keyset, audit) {
      if (!items.length) return 0;
      // One batch, one transaction: each request only from the readers it was read with, its notes only then.
      const results = await db.batch([
        ...items.flatMap((item) => [
          q(SQL.reseal, item.sealed, keyset, item.reference, item.from),
          ...item.notes.map((note) => q(SQL.resealNote, note.id, item.reference, note.sealed, keyset)),
        ]),
        q(SQL.resealAudit, ...resealAuditValues(audit, keyset, items)),
      ]);
      let n = 0;
      let at = 0;
      for (const item of items) {
        n += results[at]?.meta.changes ?? 0;
        at += 1 + item.notes.length;
      }
      return n;
    },
    async auditToChain(limit) {
      const [last, rows] = await db.batch([q(SQL.lastChained), q(SQL.unchained, limit)]);
      return {
        previous: toChainLink(last?.results[0]),
        rows: (rows?.results ?? []).map(toChained),
      };
    },
    async chainAudit(hashes) {
      if (!hashes.length) return 0;
      const done = await db.batch(hashes.map((h) => q(SQL.chain, h.hash, h.id)));
      return done.reduce((n, r) => n + (r.meta.changes ?? 0), 0);
    },
    async pageAudit(filter, beforeId, limit) {
      const { sql, values } = auditPageSql(filter, beforeId > 0);
      return (await q(sql, ...values(beforeId, limit)).raw()).map(toJournalRow);
    },
    async auditAfter(afterId, limit) {
      return (await q(SQL.auditAfter, afterId, limit).all()).results.map(toChained);
    },
    async recordScan(scan, audit) {
      await db.batch([
        q(SQL.recordScan, scan.finishedAt, scan.recordedAt, scan.summary),
        q(SQL.keepScans),
        q(SQL.audit, ...auditValues(audit)),
      ]);
    },
    async lastScan() {
      return scanOf(await q(SQL.lastScan).first());
    },
    async probeWrite(at) {
      await q(SQL.probe, at).run();
    },
    /** The migrations wrangler applied, as it records them (`d1_migrations`). */
    async schemaOf() {
      const row = await q('SELECT max(name) AS name FROM d1_migrations').first<{ name: string | null }>();
      return row?.name ?? null;
    },
    async outboxAges() {
      return agesOf(await q(SQL.outboxAges).first());
    },
    async addConsentReceipt(receipt, at) {
      const { decidedAt, week, accepted } = receiptFacts(receipt);
      await db.batch([
        q(SQL.receipt, at, receipt, decidedAt),
        ...['', ...accepted].map((category) => q(SQL.countWeek, week, category, 1)),
      ]);
    },
    async countConsentReceipts() {
      return Number((await q(SQL.countReceipts).first<{ n: number }>())?.n ?? 0);
    },
    async consentWeeks() {
      return (await q(SQL.consentWeeks).all()).results.map(toWeekCount);
    },
    async purgeReceipts(before, audit) {
      const [, deleted] = await db.batch([
        q(SQL.purgeFrom, before),
        q(SQL.purgeReceipts, before),
        q(SQL.purgeAudit, audit.at, audit.action, audit.operator),
        q(SQL.purgeDone),
      ]);
      return deleted?.meta.changes ?? 0;
    },
    async spendProof(signature, expiresAt, now) {
      const [, spent] = await db.batch([q(SQL.expireProofs, now), q(SQL.spendProof, signature, expiresAt)]);
      return spent?.meta.changes === 1;
    },
  };
}

/**
 * Rate-limit counters in D1: Workers run in many places at once, so the counters live in the database. One row per
 * key; rows of past windows are dropped now and then (one hit in 50), so the table stays as small as one window.
 */
export function d1Counter(d1: D1Database, random = Math.random): Counter {
  const db = guarded(d1);
  const q = (sql: string, ...values: unknown[]) => db.prepare(sql).bind(...values);
  return {
    async hit(key, windowStart) {
      if (random() < 0.02) await q(SQL.expireRate, windowStart).run();
      return Number((await q(SQL.hit, key, windowStart).first<{ hits: number }>())?.hits ?? 0);
    },
    async peek(key, windowStart) {
      return Number((await q(SQL.peek, key, windowStart).first<{ hits: number }>())?.hits ?? 0);
    },
    async release(key, windowStart) {
      await q(SQL.release, key, windowStart).run();
    },
  };
}

/** The officers' access on D1: the same SQL; each atomic step is one batch, chained on `changes()`. */
export function d1AccessStore(d1: D1Database): AccessStore {
  const db = guarded(d1);
  const q = (sql: string, ...values: unknown[]) => db.prepare(sql).bind(...values);
  const first = async <T>(statement: D1Statement, to: (row: Record<string, unknown>) => T) => {
    const row = await statement.first();
    return row ? to(row) : null;
  };
  return {
    async addInvitation(inv, audit) {
      await db.batch([
        q(A.addInvitation, inv.codeHash, inv.name, inv.createdBy, inv.createdAt, inv.expiresAt),
        q(SQL.audit, ...auditValues(audit)),
      ]);
    },
    getInvitation: (codeHash) => first(q(A.getInvitation, codeHash), toInvitation),
    async redeemInvitation(codeHash, now, officer, passkey, audit) {
      // Each insert happens only if the statement before it changed a row: a spent invitation creates nothing.
      const [spent] = await db.batch([
        q(A.spendInvitation, now, codeHash, now),
        q(A.addOfficerIfChanged, officer.id, officer.name, officer.createdAt),
        q(
          A.addPasskeyIfChanged,
          passkey.credentialId,
          passkey.officerId,
          passkey.publicKey,
          passkey.counter,
          passkey.transports,
          passkey.createdAt,
        ),
        q(AUDIT_IF_CHANGED, ...auditValues(audit)),
      ]);
      return spent?.meta.changes === 1;
    },
    getOfficer: (id) => first(q(A.getOfficer, id), toOfficer),
    async listOfficers() {
      return (await q(A.listOfficers).all()).results.map(toOfficer);
    },
    async revokeOfficer(id, at, audit) {
      const [revoked] = await db.batch([
        q(A.revokeOfficer, at, id),
        q(AUDIT_IF_CHANGED, ...auditValues(audit)),
        q(A.revokeSessionsOf, at, id),
        q(A.revokeKeysOf, at, id),
      ]);
      return revoked?.meta.changes === 1;
    },
    getPasskey: (credentialId) => first(q(A.getPasskey, credentialId), toPasskey),
    async passkeysOf(officerId) {
      return (await q(A.passkeysOf, officerId).all()).results.map(toPasskey);
    },
    async usePasskey(credentialId, counter, at) {
      await q(A.usePasskey, counter, at, credentialId).run();
    },
    async addSession(s) {
      await q(A.addSession, s.idHash, s.officerId, s.createdAt, s.lastSeenAt, s.expiresAt).run();
    },
    getSession: (idHash) => first(q(A.getSession, idHash), toSession),
    async verifySession(idHash, at) {
      await q(A.verifySession, at, idHash).run();
    },
    async spendConfirmation(idHash, since) {
      return (await q(A.spendConfirmation, idHash, since).run()).meta.changes === 1;
    },
    async addCeremony(ceremony, now) {
      await db.batch([q(A.expireCeremonies, now), q(A.addCeremony, ...ceremonyValues(ceremony))]);
    },
    spendCeremony: (idHash) => first(q(A.spendCeremony, idHash), toCeremony),
    async countSigninFailure(windowStart) {
      await q(A.countSigninFailure, windowStart).run();
    },
    async signinFailures(since) {
      return (await q(A.signinFailures, since).all()).results.map(toFailures);
    },
    async touchSession(idHash, at) {
      await q(A.touchSession, at, idHash).run();
    },
    async revokeSession(idHash, at) {
      await q(A.revokeSession, at, idHash).run();
    },
    async addOfficerKey(key, audit) {
      const [added] = await db.batch([
        q(A.addOfficerKey, key.fingerprint, key.officerId, key.recipient, key.createdAt),
        q(AUDIT_IF_CHANGED, ...auditValues(audit)),
      ]);
      return added?.meta.changes === 1;
    },
    async listOfficerKeys() {
      return (await q(A.listOfficerKeys).all()).results.map(toOfficerKey);
    },
  };
}
