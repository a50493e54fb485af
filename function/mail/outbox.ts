// The transactional outbox as storage sees it: messages written with the change they tell of, claimed by the delivery
// loop under a lease, then marked sent (address and content dropped) or failed. Same SQL for node:sqlite and D1.
import type { AuditEntry } from '../store/records.ts';
import type { Claimed, MessageKind, OutboxMessage, Undelivered } from './message.ts';

export type { Claimed, FollowUps, MessageKind, OutboxMessage, Undelivered } from './message.ts';

export interface OutboxStore {
  /** Messages due at `now`, at most `limit`, leased until `leaseUntil` so no other loop takes them meanwhile. */
  claimMessages(now: string, leaseUntil: string, limit: number): Promise<Claimed[]>;
  /** Delivered: the address and the content go; the row stays as a trace (kind, reference, when). */
  messagesSent(ids: string[], at: string): Promise<void>;
  /** An attempt failed: tried again at `nextAt`, or given up (`null`) and shown to the officer. */
  messageFailed(id: string, error: string, nextAt: string | null): Promise<void>;
  /** Adds messages written on their own (the digest): a message id already there is not added twice. */
  enqueueMessages(messages: OutboxMessage[], at: string): Promise<void>;
  /** Ends every lease: the Node entry's only loop restarts after a crash. */
  releaseLeases(): Promise<void>;
  listUndelivered(): Promise<Undelivered[]>;
  /** A failed message tried again from now, at the officer's request. */
  retryMessage(id: string, now: string, audit: AuditEntry): Promise<boolean>;
  /** Records that the requester confirmed the address (its audit entry), unless it was already: then false. */
  confirmEmail(audit: AuditEntry): Promise<boolean>;
  /** When the request's address was confirmed, if it was. */
  emailConfirmedAt(reference: string): Promise<string | null>;
}

/**
 * A new message's id: a UUIDv7 (RFC 9562, section 5.7), whose first 48 bits are the time in milliseconds. Rows
 * written together then sit together in the outbox's key order: a commit rewrites one page of it, not one per message.
 */
export function newMessageId(now = Date.now()): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 5, t = now; i >= 0; i--, t = Math.floor(t / 256)) b[i] = t % 256;
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const COLUMNS = 'id, kind, reference, recipient, message, created_at, state, attempts, next_at';
export const OUTBOX_SQL = {
  insert: `INSERT INTO outbox (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (id) DO NOTHING`,
  /** For D1's batches: written only when the statement before it wrote its row. */
  insertIfChanged: `INSERT INTO outbox (${COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, 'pending', 0, ? WHERE changes() = 1`,
  claim: `UPDATE outbox SET lease_until = ? WHERE id IN (
      SELECT id FROM outbox WHERE state = 'pending' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
      ORDER BY next_at LIMIT ?
    ) RETURNING id, kind, reference, recipient, message, attempts`,
  sent: `UPDATE outbox SET state = 'sent', sent_at = ?, recipient = NULL, message = NULL, lease_until = NULL,
    last_error = NULL WHERE id = ?`,
  retryLater: 'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_at = ?, lease_until = NULL WHERE id = ?',
  giveUp:
    "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, lease_until = NULL WHERE id = ?",
  release: "UPDATE outbox SET lease_until = NULL WHERE state = 'pending'",
  undelivered: `SELECT id, kind, reference, state, attempts, last_error, created_at, next_at FROM outbox
    WHERE state = 'failed' OR (state = 'pending' AND attempts > 0) ORDER BY created_at`,
  retry: `UPDATE outbox SET state = 'pending', attempts = 0, next_at = ?, last_error = NULL
    WHERE id = ? AND state = 'failed'`,
  /** An address is confirmed once: a second entry meets the unique index `audit_email_confirmed` and is dropped. */
  confirmOnce:
    'INSERT INTO audit (at, reference, action, operator, detail) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
  /** From the audit log (the same unique index), which records the confirmation with the request's history. */
  confirmedAt:
    "SELECT at AS confirmed_at FROM audit WHERE reference = ? AND action = 'email:confirmed' ORDER BY id LIMIT 1",
};

/** The values of an outbox row, in OUTBOX_SQL.insert's order. */
export const outboxValues = (m: OutboxMessage, at: string) => [
  m.id,
  m.kind,
  m.reference,
  m.sealed ? null : m.recipient,
  m.sealed ?? JSON.stringify(m.data),
  at,
  at,
];

type Row = Record<string, unknown>;
export const toClaimed = (r: Row): Claimed => {
  const message = String(r['message']);
  const sealed = message.startsWith('v2.');
  return {
    id: String(r['id']),
    kind: String(r['kind']) as MessageKind,
    reference: r['reference'] == null ? null : String(r['reference']),
    recipient: sealed ? '' : String(r['recipient']),
    attempts: Number(r['attempts']),
    ...(sealed ? { sealed: message, data: null } : { data: JSON.parse(message) }),
  } as Claimed;
};
export const toUndelivered = (r: Row): Undelivered => ({
  id: String(r['id']),
  kind: String(r['kind']) as MessageKind,
  reference: r['reference'] == null ? null : String(r['reference']),
  state: String(r['state']) as 'pending' | 'failed',
  attempts: Number(r['attempts']),
  lastError: r['last_error'] == null ? null : String(r['last_error']),
  createdAt: String(r['created_at']),
  nextAt: String(r['next_at']),
});
