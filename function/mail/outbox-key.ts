// The outbox's own key: a message that carries a requester's facts (their address, their status link) is kept sealed
// for it until it leaves, so that a copy of the database, its journal or a backup holds none of them. The key is
// derived from the server's secret (HKDF-SHA-256), which lives apart from the database (an environment variable or
// data/secret, never in a backup of portal.db); only the delivery opens the messages, as they leave.
import { bech32 } from '@scure/base';
import { open, recipientOf, seal } from '../../shared/crypto/sealed.ts';
import type { Claimed, OutboxMessage } from './outbox.ts';

const INFO = new TextEncoder().encode('citim-privacy-portal/outbox-key/v1');
/** What the requester is told: their address and what the message says (a status link with its token). */
const SEALED_KINDS = new Set<OutboxMessage['kind']>(['filed', 'status']);

const identities = new Map<string, Promise<string>>();
/** The outbox's age identity, the same for the same secret (changing the secret voids messages not yet sent). */
export function outboxIdentity(secret: string): Promise<string> {
  let identity = identities.get(secret);
  if (!identity) {
    identity = (async () => {
      const ikm = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, ['deriveBits']);
      const bits = await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: INFO },
        ikm,
        256,
      );
      return bech32.encodeFromBytes('AGE-SECRET-KEY-', new Uint8Array(bits)).toUpperCase();
    })();
    identities.set(secret, identity);
  }
  return identity;
}

/** Whom the outbox seals for: the public half of its identity. */
export const outboxRecipient = async (secret: string) => recipientOf(await outboxIdentity(secret));

/**
 * The messages as the outbox keeps them: those to a requester sealed (address and content together, bound to the
 * message's id); the officers' notices and digests hold no requester's data and stay as they are.
 */
export function sealMessages(messages: OutboxMessage[], recipient: string): Promise<OutboxMessage[]> {
  return Promise.all(
    messages.map(async (m) =>
      SEALED_KINDS.has(m.kind)
        ? { ...m, sealed: await seal({ recipient: m.recipient, data: m.data }, [recipient], `outbox:${m.id}`) }
        : m,
    ),
  );
}

/** A claimed message as it was written: opened with the outbox's identity when it was kept sealed. */
export async function openMessage(message: Claimed, secret: string): Promise<Claimed> {
  if (!message.sealed) return message;
  const { recipient, data } = await open<Pick<OutboxMessage, 'recipient' | 'data'>>(
    message.sealed,
    { identities: [await outboxIdentity(secret)] },
    `outbox:${message.id}`,
  );
  return { ...message, recipient, data } as Claimed;
}
