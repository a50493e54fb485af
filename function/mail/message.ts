// A message as the outbox keeps it and the facts it tells, as plain shapes: the store, the outbox and the composer
// all name them, and this file imports nothing of theirs, so no circle runs between storage and mail.
import type { ListedRequest } from '../store/records.ts';
import type { NotifiedStatus } from './words.ts';

type Lang = 'fr' | 'en';

/** What the requester's receipt says; the address travels apart (the outbox row's recipient). */
export interface FiledData {
  type: string;
  receivedAt: string;
  dueAt: string;
  lang: Lang;
  /** The status page's address with its token (path and query). */
  statusPath: string;
}
export type OfficerNewData = Pick<FiledData, 'type' | 'receivedAt' | 'dueAt'>;
export interface StatusData {
  type: string;
  status: NotifiedStatus;
  dueAt: string;
  lang: Lang;
  closed: boolean;
}
export interface DigestData {
  at: string;
  rows: Pick<ListedRequest, 'reference' | 'type' | 'dueAt'>[];
  /**
   * The audit log's chain head when the digest was queued (function/domain/audit-chain.ts), for the officers to keep.
   */
  head?: string | undefined;
}

/** What the outbox keeps of a message until it leaves: its facts, a few hundred bytes; it is written out on sending. */
export type MessageData =
  | { kind: 'filed'; data: FiledData }
  | { kind: 'officer-new'; data: OfficerNewData }
  | { kind: 'status'; data: StatusData }
  | { kind: 'digest'; data: DigestData };

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
  /**
   * The address and the content, sealed for the outbox's key (function/mail/outbox-key.ts): then the row keeps no
   * recipient and no content in clear, only this.
   */
  sealed?: string | undefined;
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
}
