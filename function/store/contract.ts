// What the function needs from storage, whatever holds it (node:sqlite on a server, D1 on Workers), split by concern
// so that a store serving one concern (the officer's remote client serves requests only) stubs nothing.
import type { Status } from '../../shared/request.ts';
import type { SealedNote, ToReseal } from '../../shared/sealed-request.ts';
import type { FollowUps } from '../mail/message.ts';
import type { OutboxStore } from '../mail/outbox.ts';
import type { AuditEntry, ListedRequest, Note, Notify, Resealed, StatusChange, StoredRequest } from './records.ts';

export type { AuditEntry, ListedRequest, Note, Notify, Resealed, StatusChange, StoredRequest, ToReseal };

/** Requests and their audit log: what the officer's tools work on. */
export interface RequestStore {
  /**
   * Files a request and its audit entry together, unless one with the same idempotency hash exists: then that one is
   * returned. `followUps` (its messages, the e-mail confirmation) are written in the same transaction, or not at all.
   */
  insertRequest(
    request: StoredRequest,
    audit: AuditEntry,
    followUps?: FollowUps,
  ): Promise<{ inserted: boolean; request: StoredRequest }>;
  getRequest(reference: string): Promise<StoredRequest | null>;
  /** The request first filed under this idempotency hash, if any: a retry is answered from it. */
  requestByIdempotency(idempotencyHash: string): Promise<StoredRequest | null>;
  listRequests(): Promise<StoredRequest[]>;
  /**
   * Changes a status if it is still `change.from` (compare-and-set, in the store itself: two tools, or two Workers,
   * never both win the same transition), and records it in the audit log with its message to the requester if any,
   * together or not at all; false when the request is gone or no longer in `from`. `notify` is for a store that
   * composes the message on the far side (the admin API, for the remote CLI).
   */
  setStatus(
    change: StatusChange,
    audit: AuditEntry,
    followUps?: FollowUps & { notify?: Notify | undefined },
  ): Promise<boolean>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(reference?: string): Promise<AuditEntry[]>;
  /** A request's notes, sealed. */
  listNotes(reference: string): Promise<Note[]>;
  /**
   * Deletes requests (with their notes) and records each deletion in the audit log (`audit[i]` for `references[i]`),
   * together; a request already gone is neither counted nor audited. How many were deleted.
   */
  deleteRequests(references: string[], audit: AuditEntry[]): Promise<number>;
  /**
   * Whom to seal for now: the recovery key first, then every active key of every active officer (age recipients).
   * Empty when no recovery key is known: then nothing can be filed.
   */
  recipients(): Promise<string[]>;
  /**
   * Records the recovery key the server runs with; when it differs from the one recorded (a rotation, or the first
   * start), with its audit entry. True when it changed.
   */
  setRecoveryKey(recipient: string, at: string, audit: AuditEntry): Promise<boolean>;
  /** Requests whose keyset is not `keyset`, by reference after `after`, at most `limit`, with their notes. */
  pageToReseal(keyset: string, after: string, limit: number): Promise<{ total: number; rows: ToReseal[] }>;
  /**
   * Writes re-sealed requests for `keyset`, each only if still sealed for its `from` (another re-wrap may have come
   * first), with one audit entry for the batch; how many were written.
   */
  resealRequests(items: Resealed[], keyset: string, audit: AuditEntry): Promise<number>;
}

/** Which requests the inbox lists: the open ones, all, or those in one status; of one type or any. */
export interface RequestFilter {
  status: 'open' | 'all' | Status;
  type: string;
}

/** The inbox's list, one page at a time, by due date: 10,000 requests never cross the network at once. */
/** Where a page of the list starts: just after this request in the list's order. */
export interface PageKey {
  dueAt: string;
  reference: string;
}

/**
 * The list's SQL for a filter: each shape its own statement, so that each finds its index (0013_request_pages.sql);
 * parameters in the order `pageValues` gives them.
 */
export function pageSql(filter: RequestFilter, after: boolean) {
  const where = [
    filter.status === 'open' ? 'closed_at IS NULL' : filter.status === 'all' ? '' : 'status = ?',
    filter.type ? 'type = ?' : '',
  ].filter(Boolean);
  const keyed = [...where, ...(after ? ['(due_at, reference) > (?, ?)'] : [])];
  const clause = (parts: string[]) => (parts.length ? ` WHERE ${parts.join(' AND ')}` : '');
  return {
    count: `SELECT COUNT(*) AS n FROM requests${clause(where)}`,
    page:
      'SELECT reference, type, status, received_at, due_at, status_changed_at, closed_at, keyset FROM requests' +
      `${clause(keyed)} ORDER BY due_at, reference LIMIT ?`,
  };
}
/** The values of `pageSql`'s statements: the filter's, then (the page) the key and the limit. */
export function pageValues(filter: RequestFilter, after: PageKey | null, limit: number) {
  const filterValues = [
    ...(filter.status !== 'open' && filter.status !== 'all' ? [filter.status] : []),
    ...(filter.type ? [filter.type] : []),
  ];
  return { count: filterValues, page: [...filterValues, ...(after ? [after.dueAt, after.reference] : []), limit] };
}

export interface InboxStore {
  /**
   * Up to `limit` requests after `after` (by due date, then reference; null: from the first), filtered, with how many
   * match the filter in all. Paging by key: a deep page costs what the first does.
   */
  /** Up to `limit` requests closed before `cutoff`, the oldest closed first: what the retention view offers. */
  closedBefore(cutoff: string, limit: number): Promise<ListedRequest[]>;
  pageRequests(
    filter: RequestFilter,
    after: PageKey | null,
    limit: number,
  ): Promise<{ total: number; rows: ListedRequest[] }>;
}

/** The widget's consent receipts: kept while their decision may stand and disputes run, then deleted by that rule. */
export interface ReceiptStore {
  /** Files a checked receipt and counts its decision in its week's counters, together. */
  addConsentReceipt(receipt: string, at: string): Promise<void>;
  countConsentReceipts(): Promise<number>;
  /** The counters per week (Monday) and category ('' for the decisions themselves): what the overview shows. */
  consentWeeks(): Promise<{ week: string; category: string; n: number }[]>;
  /**
   * Deletes the receipts of decisions made before `before` (the retention rule, function/domain/receipts.ts), with one audit
   * entry giving how many, when there were any; the counters stay. How many were deleted.
   */
  purgeReceipts(before: string, audit: Omit<AuditEntry, 'detail'>): Promise<number>;
}

/** Proofs of work already spent, until they expire. */
export interface ProofLedger {
  /** Marks a proof of work as spent; false when it already was (a replay). */
  spendProof(signature: string, expiresAt: number, now: number): Promise<boolean>;
}

/** Counters per key and fixed time window, for rate limits. Need not be durable. */
export interface Counter {
  /** Counts one hit for `key` in the window starting at `windowStart` (seconds); returns the hits in that window. */
  hit(key: string, windowStart: number): Promise<number>;
  /** The hits counted so far in that window, without counting one. */
  peek(key: string, windowStart: number): Promise<number>;
  /** Gives back a hit that turned out not to count (a duplicate, a failed write). */
  release(key: string, windowStart: number): Promise<void>;
}

/**
 * The last migration this code's schema has: the Workers entry cannot list the migrations folder, so readiness
 * compares with this (a test keeps it the folder's last).
 */
export const SCHEMA = '0014_scans.sql';

/** What /readyz asks of storage: a write now, the schema's last migration, and how the outbox is doing. */
export interface HealthStore {
  /** Writes the probe's one row: the database takes a write now. */
  probeWrite(at: string): Promise<void>;
  /** The last migration the database has had (null before any). */
  schemaOf(): Promise<string | null>;
  /**
   * When the oldest message still being tried was written, when a message was last delivered, and how many were given
   * up (shown to the officer, who sends them again).
   */
  outboxAges(): Promise<OutboxAges>;
}

/** An audit entry as the chain reads it: its place in the log, its content, and its hash once chained. */
export interface ChainedEntry extends AuditEntry {
  id: number;
  hash: string | null;
}

/** The cookie scans' summaries (shared/scan-summary.ts), kept as the scanner wrote them: the last few only. */
export interface ScanStore {
  /** Keeps a scan's summary (JSON) with its audit entry, together; only the last `SCANS_KEPT` stay. */
  recordScan(scan: { finishedAt: string; recordedAt: string; summary: string }, audit: AuditEntry): Promise<void>;
  /** The summary (JSON) of the scan that finished last, with when it was recorded; null before any. */
  lastScan(): Promise<{ finishedAt: string; recordedAt: string; summary: string } | null>;
}
/** How many scans' summaries are kept: a year of monthly scans. */
export const SCANS_KEPT = 12;
/** A scan's row as both stores read it. */
export const scanOf = (row: Record<string, unknown> | undefined | null) =>
  row
    ? {
        finishedAt: String(row['finished_at']),
        recordedAt: String(row['recorded_at']),
        summary: String(row['summary']),
      }
    : null;

/** The audit log's hash chain (function/domain/audit-chain.ts): what is still to chain, the chaining, and reading in order. */
export interface AuditChainStore {
  /** The last chained entry (null before any), and up to `limit` entries after it not chained yet, in order. */
  auditToChain(limit: number): Promise<{ previous: { id: number; hash: string } | null; rows: ChainedEntry[] }>;
  /** Sets each entry's hash, only where it has none; how many were set. */
  chainAudit(hashes: { id: number; hash: string }[]): Promise<number>;
  /** Up to `limit` entries after the entry `afterId` (0: from the first), in order, with their hashes. */
  auditAfter(afterId: number, limit: number): Promise<ChainedEntry[]>;
  /**
   * Up to `limit` entries before the entry `beforeId` (0: from the newest), newest first, filtered: what the journal
   * and its CSV show, nothing more (a million entries streamed as CSV read each row's detail and hash for nothing, and
   * the server's memory grew by as much).
   */
  pageAudit(filter: AuditFilter, beforeId: number, limit: number): Promise<JournalRow[]>;
}

/** What the journal may be filtered by: all given must hold. `action` matches its start (`status:` for every one). */
export interface AuditFilter {
  reference?: string | undefined;
  action?: string | undefined;
  operator?: string | undefined;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: string | undefined;
  to?: string | undefined;
}

/** The journal's SQL for a filter: only the conditions given, so that a reference finds its index. */
export function auditPageSql(filter: AuditFilter, before: boolean) {
  const conditions: string[] = [];
  const given: unknown[] = [];
  const where = (condition: string, value: unknown) => {
    conditions.push(condition);
    given.push(value);
  };
  if (filter.reference) where('reference = ?', filter.reference);
  // A prefix, with LIKE's own characters taken as themselves.
  if (filter.action) where("action LIKE ? ESCAPE '\\'", `${filter.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.operator) where('operator = ?', filter.operator);
  if (filter.from) where('at >= ?', filter.from);
  if (filter.to) where('at < ?', filter.to);
  if (before) conditions.push('id < ?');
  return {
    sql:
      'SELECT id, at, reference, action, operator FROM audit' +
      `${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
    values: (beforeId: number, limit: number) => [...given, ...(before ? [beforeId] : []), limit],
  };
}

export type Store = RequestStore &
  InboxStore &
  ReceiptStore &
  ProofLedger &
  OutboxStore &
  HealthStore &
  AuditChainStore &
  ScanStore;

/** Why storage could not do its part, as the function answers it: busy (locked) or unavailable (503), full (507). */
export type StoreFault = 'busy' | 'full' | 'unavailable';

/** A storage failure the function can explain; carries no data, only the kind and the engine's class of error. */
export class StoreError extends Error {
  readonly fault: StoreFault;
  /** The engine's class of error, for the log line: `SQLITE_BUSY`, `SQLITE_FULL`… */
  readonly engineCode: string;
  constructor(fault: StoreFault, engineCode: string) {
    super(`store ${fault} (${engineCode})`);
    this.name = 'StoreError';
    this.fault = fault;
    this.engineCode = engineCode;
  }
}

export interface OutboxAges {
  oldestPendingAt: string | null;
  lastSentAt: string | null;
  failed: number;
}
/** The outbox's ages from SQL.outboxAges's row. */
export const agesOf = (row: Record<string, unknown> | null | undefined): OutboxAges => ({
  oldestPendingAt: row?.['oldest'] == null ? null : String(row['oldest']),
  lastSentAt: row?.['last_sent'] == null ? null : String(row['last_sent']),
  failed: Number(row?.['failed'] ?? 0),
});

/** SQLite's primary result codes (the low byte of an extended code) and what each means for the function. */
const SQLITE_FAULTS: Record<number, [StoreFault, string]> = {
  5: ['busy', 'SQLITE_BUSY'],
  6: ['busy', 'SQLITE_LOCKED'],
  8: ['unavailable', 'SQLITE_READONLY'],
  10: ['unavailable', 'SQLITE_IOERR'],
  11: ['unavailable', 'SQLITE_CORRUPT'],
  13: ['full', 'SQLITE_FULL'],
  14: ['unavailable', 'SQLITE_CANTOPEN'],
};
/** The same classes as D1 reports them, in words. */
const SQLITE_MESSAGES: [RegExp, number][] = [
  [/database is locked|SQLITE_BUSY/i, 5],
  [/readonly database|SQLITE_READONLY/i, 8],
  [/disk I\/O error|SQLITE_IOERR/i, 10],
  [/malformed|SQLITE_CORRUPT/i, 11],
  [/database or disk is full|SQLITE_FULL/i, 13],
  [/unable to open database|SQLITE_CANTOPEN/i, 14],
];

/** Turns an SQLite engine error (node:sqlite's `errcode`, or D1's message) into a StoreError; other errors pass. */
export function storeErrorOf(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof StoreError) return error;
  const raw = (error as { errcode?: unknown }).errcode;
  const code =
    typeof raw === 'number' ? raw & 0xff : SQLITE_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1];
  const fault = code === undefined ? undefined : SQLITE_FAULTS[code];
  return fault ? new StoreError(...fault) : error;
}

/** A unique constraint on the reference: drawn twice, draw again. */
export const isReferenceClash = (error: unknown) =>
  error instanceof Error && /UNIQUE constraint failed: requests\.reference/.test(error.message);

/** ?1: `open`, `all` or a status; ?2: a type, or '' for any. */
const columns =
  'reference, type, received_at, due_at, status, status_changed_at, closed_at, ' +
  'token_hash, idempotency_hash, payload_hash, owner_hash, sealed, keyset';
export const SQL = {
  closedBefore:
    'SELECT reference, type, status, received_at, due_at, status_changed_at, closed_at, keyset FROM requests ' +
    'WHERE closed_at IS NOT NULL AND closed_at < ? ORDER BY closed_at, reference LIMIT ?',
  lastChained: 'SELECT id, hash FROM audit WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1',
  unchained:
    'SELECT id, at, reference, action, operator, detail, hash FROM audit WHERE hash IS NULL ORDER BY id LIMIT ?',
  chain: 'UPDATE audit SET hash = ? WHERE id = ? AND hash IS NULL',
  auditAfter: 'SELECT id, at, reference, action, operator, detail, hash FROM audit WHERE id > ? ORDER BY id LIMIT ?',
  recordScan: 'INSERT INTO scans (finished_at, recorded_at, summary) VALUES (?, ?, ?)',
  keepScans: `DELETE FROM scans WHERE id NOT IN (SELECT id FROM scans ORDER BY finished_at DESC, id DESC LIMIT ${SCANS_KEPT})`,
  lastScan: 'SELECT finished_at, recorded_at, summary FROM scans ORDER BY finished_at DESC, id DESC LIMIT 1',
  probe:
    'INSERT INTO health (id, probed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at',
  /** Both outbox ages in one reading; delivered rows stay as traces (kind, reference, when), so the last one is there. */
  outboxAges: `SELECT (SELECT min(created_at) FROM outbox WHERE state = 'pending') AS oldest,
    (SELECT max(sent_at) FROM outbox WHERE state = 'sent') AS last_sent,
    (SELECT count(*) FROM outbox WHERE state = 'failed') AS failed`,
  insert:
    `INSERT INTO requests (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ` +
    'ON CONFLICT (idempotency_hash) DO NOTHING',
  byIdempotency: `SELECT ${columns} FROM requests WHERE idempotency_hash = ?`,
  byReference: `SELECT ${columns} FROM requests WHERE reference = ?`,
  list: `SELECT ${columns} FROM requests ORDER BY due_at, reference`,
  setStatus: 'UPDATE requests SET status = ?, status_changed_at = ?, closed_at = ? WHERE reference = ? AND status = ?',
  audit: 'INSERT INTO audit (at, reference, action, operator, detail) VALUES (?, ?, ?, ?, ?)',
  listAudit: 'SELECT at, reference, action, operator, detail FROM audit ORDER BY id',
  listAuditFor: 'SELECT at, reference, action, operator, detail FROM audit WHERE reference = ? ORDER BY id',
  delete: 'DELETE FROM requests WHERE reference = ?',
  deleteNotes: 'DELETE FROM notes WHERE reference = ?',
  listNotes: 'SELECT id, reference, sealed FROM notes WHERE reference = ? ORDER BY id',
  /** A request's notes for a re-wrap: its own, and v1 notes still in the audit log (id '': named by the re-wrap). */
  notesToReseal:
    "SELECT id, sealed FROM notes WHERE reference = ?1 UNION ALL SELECT '', detail FROM audit " +
    "WHERE reference = ?1 AND action LIKE 'status:%' AND detail LIKE 'v1.%' ORDER BY 1",
  /** Only once the status it goes with was written (D1 chains it on `changes()`; node:sqlite in one transaction). */
  addNoteIfChanged: 'INSERT INTO notes (id, reference, sealed) SELECT ?, ?, ? WHERE changes() = 1',
  recipients:
    'SELECT recipient FROM (SELECT 0 AS o, recipient, since AS at FROM recovery_key UNION ALL ' +
    'SELECT 1, k.recipient, k.created_at FROM officer_keys k JOIN officers f ON f.id = k.officer_id ' +
    'WHERE k.revoked_at IS NULL AND f.revoked_at IS NULL) ORDER BY o, at, recipient',
  setRecoveryKey:
    'INSERT INTO recovery_key (id, recipient, since) VALUES (1, ?1, ?2) ' +
    'ON CONFLICT (id) DO UPDATE SET recipient = ?1, since = ?2 WHERE recipient <> ?1',
  countToReseal: 'SELECT COUNT(*) AS n FROM requests WHERE keyset <> ?',
  pageToReseal:
    'SELECT reference, sealed, keyset FROM requests WHERE keyset <> ?1 AND reference > ?2 ORDER BY reference LIMIT ?3',
  reseal: 'UPDATE requests SET sealed = ?, keyset = ? WHERE reference = ? AND keyset = ?',
  /** One entry for a batch, saying how many of its requests are now sealed for the keyset (none: no entry). */
  resealAudit:
    'INSERT INTO audit (at, reference, action, operator, detail) SELECT ?1, NULL, ?2, ?3, COUNT(*) FROM requests ' +
    'WHERE keyset = ?4 AND reference IN (SELECT value FROM json_each(?5)) HAVING COUNT(*) > 0',
  /**
   * A note re-sealed with its request; a note of format v1 (in the audit log itself) gets its row here, named after
   * the old seal, the first time.
   */
  resealNote:
    'INSERT INTO notes (id, reference, sealed) SELECT ?, ?, ? WHERE EXISTS ' +
    '(SELECT 1 FROM requests WHERE reference = ?2 AND keyset = ?4) ' +
    'ON CONFLICT (id) DO UPDATE SET sealed = excluded.sealed WHERE notes.reference = excluded.reference',
  receipt: 'INSERT INTO consent_receipts (received_at, receipt, decided_at) VALUES (?, ?, ?)',
  countWeek:
    'INSERT INTO consent_weeks (week, category, n) VALUES (?, ?, ?) ON CONFLICT (week, category) DO UPDATE SET n = n + excluded.n',
  countReceipts: 'SELECT COUNT(*) AS n FROM consent_receipts',
  consentWeeks: 'SELECT week, category, n FROM consent_weeks ORDER BY week, category',
  /** The retention rule's cut-off, for the database's guard (0012_receipts_at_volume.sql), within its transaction. */
  purgeFrom: 'INSERT INTO receipt_purge (before) VALUES (?)',
  purgeReceipts: 'DELETE FROM consent_receipts WHERE decided_at < ?',
  /** Right after the deletion, in its transaction: one entry with the count, only when something was deleted. */
  purgeAudit:
    'INSERT INTO audit (at, reference, action, operator, detail) SELECT ?, NULL, ?, ?, changes() WHERE changes() > 0',
  purgeDone: 'DELETE FROM receipt_purge',
  hit:
    'INSERT INTO rate (key, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET ' +
    'hits = CASE WHEN window_start = excluded.window_start THEN hits + 1 ELSE 1 END, ' +
    'window_start = excluded.window_start RETURNING hits',
  peek: 'SELECT hits FROM rate WHERE key = ? AND window_start = ?',
  release: 'UPDATE rate SET hits = MAX(hits - 1, 0) WHERE key = ? AND window_start = ?',
  expireRate: 'DELETE FROM rate WHERE window_start < ?',
  expireProofs: 'DELETE FROM spent_proofs WHERE expires_at < ?',
  spendProof: 'INSERT INTO spent_proofs (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING',
};

type Row = Record<string, unknown>;
const text = (value: unknown) => (value == null ? null : String(value));
export const toListed = (row: Row): ListedRequest => ({
  reference: String(row['reference']),
  type: String(row['type']),
  status: String(row['status']) as Status,
  receivedAt: String(row['received_at']),
  dueAt: String(row['due_at']),
  statusChangedAt: String(row['status_changed_at']),
  closedAt: text(row['closed_at']),
  keyset: String(row['keyset'] ?? ''),
});
export const toRequest = (row: Row): StoredRequest => ({
  ...toListed(row),
  tokenHash: String(row['token_hash']),
  idempotencyHash: String(row['idempotency_hash']),
  payloadHash: text(row['payload_hash']),
  ownerHash: text(row['owner_hash']),
  sealed: String(row['sealed']),
});
export const toSealedNote = (row: Row): SealedNote => ({ id: String(row['id']), sealed: String(row['sealed']) });
export const toNote = (row: Row): Note => ({
  id: String(row['id']),
  reference: String(row['reference']),
  sealed: String(row['sealed']),
});
/** A line of the journal as the inbox shows it (auditPageSql's row). */
export type JournalRow = Pick<ChainedEntry, 'id' | 'at' | 'reference' | 'action' | 'operator'>;
/**
 * A journal line from auditPageSql's row read as an array, in its columns' order: read so (node:sqlite's
 * `setReturnArrays`, D1's `raw()`), a million lines streamed as CSV leave the server's heap a third of the garbage that
 * row objects did.
 */
export const toJournalRow = ([id, at, reference, action, operator]: unknown[]): JournalRow => ({
  id: Number(id),
  at: String(at),
  reference: text(reference),
  action: String(action),
  operator: String(operator),
});
export const toChained = (row: Row): ChainedEntry => ({
  id: Number(row['id']),
  ...toAudit(row),
  hash: text(row['hash']),
});
/** The last chained entry (SQL.lastChained's row), where the chain goes on from. */
export const toChainLink = (row: Row | undefined): { id: number; hash: string } | null =>
  row ? { id: Number(row['id']), hash: String(row['hash']) } : null;
/** One of the consent overview's counters (SQL.consentWeeks's row). */
export const toWeekCount = (row: Row) => ({
  week: String(row['week']),
  category: String(row['category']),
  n: Number(row['n']),
});
export const toAudit = (row: Row): AuditEntry => ({
  at: String(row['at']),
  reference: text(row['reference']),
  action: String(row['action']),
  operator: String(row['operator']),
  detail: text(row['detail']),
});
export const requestValues = (r: StoredRequest) => [
  r.reference,
  r.type,
  r.receivedAt,
  r.dueAt,
  r.status,
  r.statusChangedAt,
  r.closedAt,
  r.tokenHash,
  r.idempotencyHash,
  r.payloadHash,
  r.ownerHash,
  r.sealed,
  r.keyset,
];
/** The values of SQL.setStatus, in its order. */
export const statusValues = (c: StatusChange) => [c.to, c.at, c.closedAt, c.reference, c.from];
/** The values of SQL.resealAudit for a batch. */
export const resealAuditValues = (audit: AuditEntry, keyset: string, items: { reference: string }[]) => [
  audit.at,
  audit.action,
  audit.operator,
  keyset,
  JSON.stringify(items.map((i) => i.reference)),
];
export const auditValues = (a: AuditEntry) => [a.at, a.reference, a.action, a.operator, a.detail];
