// The records the store keeps, as plain shapes: requests, status changes, notes, audit entries. They import nothing
// of the function, so storage and mail can both name them without a circle between them.
import type { Status } from '../../shared/request.ts';
import type { SealedNote } from '../../shared/sealed-request.ts';

/** Whom to tell of a status change: the requester's address and language, handed over by the officer's tool. */
export interface Notify {
  email: string;
  lang: 'fr' | 'en';
}

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
  /** Keyed hash of the idempotency key with the validated request: a reused key with another request is refused. */
  payloadHash: string | null;
  /** Keyed hash of the idempotency key with the sender's network: only the sender gets the status address again. */
  ownerHash: string | null;
  /** The personal fields, sealed for the readers named by `keyset` (shared/crypto/sealed.ts). */
  sealed: string;
  /** Who the request is sealed for: their key fingerprints, sorted (`keysetOf`); '' for the former format v1. */
  keyset: string;
}

/** A transition as the store applies it: from the status it was read in, to the next. */
export interface StatusChange {
  reference: string;
  from: Status;
  to: Status;
  at: string;
  closedAt: string | null;
  /** The officer's note, sealed like the request; the audit entry names it (`note:<id>`). */
  note?: Note | undefined;
}

/** A status note, sealed for the request's readers, re-wrapped with it. */
export interface Note {
  id: string;
  reference: string;
  sealed: string;
}

/** A request sealed again by a re-wrap: written only if its readers are still `from` (compare-and-set). */
export interface Resealed {
  reference: string;
  from: string;
  sealed: string;
  notes: SealedNote[];
}

export interface AuditEntry {
  at: string;
  reference: string | null;
  action: string;
  operator: string;
  detail: string | null;
}

/** What the inbox's list shows of a request: no personal field, not even sealed. */
export type ListedRequest = Pick<
  StoredRequest,
  'reference' | 'type' | 'status' | 'receivedAt' | 'dueAt' | 'statusChangedAt' | 'closedAt' | 'keyset'
>;
