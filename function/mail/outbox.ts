// The transactional outbox as storage sees it: messages written with the change they tell of, claimed by the delivery
// loop under a lease, then marked sent (address and content dropped) or failed. Same SQL for node:sqlite and D1.
import type { AuditEntry } from '../store.ts';
import type { MessageData } from './compose.ts';

/** What a message is about: the requester's receipt, a status change, the officer's notice or daily digest. */
export type MessageKind = MessageData['kind'];

/**
 * A message as the outbox keeps it: whom to, and the facts it tells (written out when it leaves, function/mail/
 * compose.ts). `id` is the Message-ID's local part, the same for every attempt.
 */
export type OutboxMessage = {
  id: string;
  reference: string | null;
  recipient: string;
} & MessageData;

/** A message taken for delivery. */
export type Claimed = OutboxMessage & { attempts: number };

/** What the officer sees of a message not delivered yet: no address, no content. */
export interface Undelivered {
  id: string;
  kind: MessageKind;
  reference: string | null;
  state: 'pending' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAt: string;
}

/** What a filing or a status change writes with it, in the same transaction. */
export interface FollowUps {
  messages: OutboxMessage[];
  /** The requester's e-mail confirmation: the hash of the link's code, and until when it works. */
  confirmation?: { codeHash: string; expiresAt: string } | undefined;
}

/** A confirmation code as it stands: not used yet, used, past its 7 days, or never made. */
export type CodeState = 'pending' | 'already' | 'expired' | 'unknown';
export type ConfirmOutcome = Exclude<CodeState, 'pending'> | 'confirmed';

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
  /** Spends an e-mail confirmation code, once, before it expires; with its audit entry. */
  confirmEmail(codeHash: string, now: string, audit: (reference: string) => AuditEntry): Promise<ConfirmOutcome>;
  /** Whether the code exists and what became of it, without spending it. */
  confirmationState(codeHash: string, now: string): Promise<CodeState>;
  /** When the request's address was confirmed, if it was. */
  emailConfirmedAt(reference: string): Promise<string | null>;
}

const COLUMNS = 'id, kind, reference, recipient, message, created_at, state, attempts, next_at';
export const OUTBOX_SQL = {
  insert: `INSERT INTO outbox (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?) ON CONFLICT (id) DO NOTHING`,
  /** For D1's batches: written only when the statement before it wrote its row. */
  insertIfChanged: `INSERT INTO outbox (${COLUMNS}) SELECT ?, ?, ?, ?, ?, ?, 'pending', 0, ? WHERE changes() = 1`,
  claim:
    "UPDATE outbox SET lease_until = ? WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_at LIMIT ?) RETURNING id, kind, reference, recipient, message, attempts",
  sent: "UPDATE outbox SET state = 'sent', sent_at = ?, recipient = NULL, message = NULL, lease_until = NULL, last_error = NULL WHERE id = ?",
  retryLater: 'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_at = ?, lease_until = NULL WHERE id = ?',
  giveUp:
    "UPDATE outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, lease_until = NULL WHERE id = ?",
  release: "UPDATE outbox SET lease_until = NULL WHERE state = 'pending'",
  undelivered:
    "SELECT id, kind, reference, state, attempts, last_error, created_at, next_at FROM outbox WHERE state = 'failed' OR (state = 'pending' AND attempts > 0) ORDER BY created_at",
  retry:
    "UPDATE outbox SET state = 'pending', attempts = 0, next_at = ?, last_error = NULL WHERE id = ? AND state = 'failed'",
  addConfirmation:
    'INSERT INTO email_confirmations (code_hash, reference, expires_at, confirmed_at) VALUES (?, ?, ?, NULL)',
  addConfirmationIfChanged:
    'INSERT INTO email_confirmations (code_hash, reference, expires_at, confirmed_at) SELECT ?, ?, ?, NULL WHERE changes() = 1',
  confirm:
    'UPDATE email_confirmations SET confirmed_at = ? WHERE code_hash = ? AND confirmed_at IS NULL AND expires_at > ? RETURNING reference',
  confirmation: 'SELECT reference, expires_at, confirmed_at FROM email_confirmations WHERE code_hash = ?',
  /** For D1: the confirmation's audit entry, its reference taken from the row just confirmed. */
  auditConfirmed:
    'INSERT INTO audit (at, reference, action, operator, detail) SELECT ?, reference, ?, ?, ? FROM email_confirmations WHERE code_hash = ? AND changes() = 1',
  /** From the audit log (indexed by reference), which records the confirmation with the request's history. */
  confirmedAt:
    "SELECT at AS confirmed_at FROM audit WHERE reference = ? AND action = 'email:confirmed' ORDER BY id LIMIT 1",
};

/** The values of an outbox row, in OUTBOX_SQL.insert's order. */
export const outboxValues = (m: OutboxMessage, at: string) => [
  m.id,
  m.kind,
  m.reference,
  m.recipient,
  JSON.stringify(m.data),
  at,
  at,
];

type Row = Record<string, unknown>;
export const toClaimed = (r: Row): Claimed =>
  ({
    id: String(r['id']),
    kind: String(r['kind']) as MessageKind,
    reference: r['reference'] == null ? null : String(r['reference']),
    recipient: String(r['recipient']),
    attempts: Number(r['attempts']),
    data: JSON.parse(String(r['message'])),
  }) as Claimed;
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

/** What an unspent, unconfirmed code's row says about it at `now`. */
export function confirmationOutcome(row: Row | null | undefined, now: string): CodeState {
  if (!row) return 'unknown';
  if (row['confirmed_at'] != null) return 'already';
  return String(row['expires_at']) <= now ? 'expired' : 'pending';
}
