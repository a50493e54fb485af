// What the handler needs from storage, whatever holds it (node:sqlite on a server, D1 on Workers).
import type { Status } from './schema.ts';

export interface StoredRequest {
  reference: string;
  type: string;
  receivedAt: string;
  dueAt: string;
  status: Status;
  statusChangedAt: string;
  closedAt: string | null;
  tokenHash: string;
  idempotencyHash: string;
  sealed: string;
}

export interface AuditEntry {
  at: string;
  reference: string | null;
  action: string;
  operator: string;
  detail: string | null;
}

export interface Store {
  /** Files a request and its audit entry together, unless one with the same idempotency hash exists: then that one is returned. */
  insertRequest(request: StoredRequest, audit: AuditEntry): Promise<{ inserted: boolean; request: StoredRequest }>;
  getRequest(reference: string): Promise<StoredRequest | null>;
  listRequests(): Promise<StoredRequest[]>;
  /** Changes a status and records it in the audit log, together or not at all. */
  setStatus(reference: string, status: Status, at: string, closedAt: string | null, audit: AuditEntry): Promise<boolean>;
  appendAudit(entry: AuditEntry): Promise<void>;
  listAudit(reference?: string): Promise<AuditEntry[]>;
  /** Deletes requests and records each deletion in the audit log, together. */
  deleteRequests(references: string[], audit: AuditEntry[]): Promise<number>;
  addConsentReceipt(receipt: string, at: string): Promise<void>;
  countConsentReceipts(): Promise<number>;
  /** Counts a hit for `key` in the window starting at `windowStart`; returns the hits in that window. Need not be durable. */
  hit(key: string, windowStart: number): Promise<number>;
  /** Marks a proof of work as spent; false when it already was (a replay). */
  spendProof(signature: string, expiresAt: number, now: number): Promise<boolean>;
}

const columns = 'reference, type, received_at, due_at, status, status_changed_at, closed_at, token_hash, idempotency_hash, sealed';
export const SQL = {
  insert: `INSERT INTO requests (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_hash) DO NOTHING`,
  byIdempotency: `SELECT ${columns} FROM requests WHERE idempotency_hash = ?`,
  byReference: `SELECT ${columns} FROM requests WHERE reference = ?`,
  list: `SELECT ${columns} FROM requests ORDER BY due_at, reference`,
  setStatus: 'UPDATE requests SET status = ?, status_changed_at = ?, closed_at = ? WHERE reference = ?',
  audit: 'INSERT INTO audit (at, reference, action, operator, detail) VALUES (?, ?, ?, ?, ?)',
  listAudit: 'SELECT at, reference, action, operator, detail FROM audit ORDER BY id',
  listAuditFor: 'SELECT at, reference, action, operator, detail FROM audit WHERE reference = ? ORDER BY id',
  delete: 'DELETE FROM requests WHERE reference = ?',
  receipt: 'INSERT INTO consent_receipts (received_at, receipt) VALUES (?, ?)',
  countReceipts: 'SELECT COUNT(*) AS n FROM consent_receipts',
  hit: 'INSERT INTO rate (key, window_start, hits) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET hits = CASE WHEN window_start = excluded.window_start THEN hits + 1 ELSE 1 END, window_start = excluded.window_start RETURNING hits',
  expireProofs: 'DELETE FROM spent_proofs WHERE expires_at < ?',
  spendProof: 'INSERT INTO spent_proofs (signature, expires_at) VALUES (?, ?) ON CONFLICT (signature) DO NOTHING',
};

type Row = Record<string, unknown>;
export const toRequest = (row: Row): StoredRequest => ({
  reference: String(row['reference']),
  type: String(row['type']),
  receivedAt: String(row['received_at']),
  dueAt: String(row['due_at']),
  status: String(row['status']) as Status,
  statusChangedAt: String(row['status_changed_at']),
  closedAt: row['closed_at'] == null ? null : String(row['closed_at']),
  tokenHash: String(row['token_hash']),
  idempotencyHash: String(row['idempotency_hash']),
  sealed: String(row['sealed']),
});
export const toAudit = (row: Row): AuditEntry => ({
  at: String(row['at']),
  reference: row['reference'] == null ? null : String(row['reference']),
  action: String(row['action']),
  operator: String(row['operator']),
  detail: row['detail'] == null ? null : String(row['detail']),
});
export const requestValues = (r: StoredRequest) => [r.reference, r.type, r.receivedAt, r.dueAt, r.status, r.statusChangedAt, r.closedAt, r.tokenHash, r.idempotencyHash, r.sealed];
export const auditValues = (a: AuditEntry) => [a.at, a.reference, a.action, a.operator, a.detail];
