// Delivers the outbox: claims what is due under a lease, sends it through a transport (SMTP on Node, a Workers
// socket or an HTTP API), and marks each message sent, to be tried again later (exponential backoff) or failed.
// At-least-once: a crash between sending and marking sends again, with the same Message-ID.
import { type MailSettings, type Rendered, render } from './compose.ts';
import { confirmationCode } from './confirmation.ts';
import type { Claimed, OutboxStore } from './outbox.ts';
import { openMessage } from './outbox-key.ts';

/** A message as the transport sends it: written out, with its Message-ID. */
export type Outgoing = Rendered & { id: string; recipient: string; messageId: string };

export interface Transport {
  /** Resolves once the server accepted the message; throws a SendError (or anything, taken as temporary). */
  send(message: Outgoing): Promise<void>;
}

/** Why a message was not sent; `permanent` (a 5xx answer, a refused recipient) is not tried again. */
export class SendError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = 'SendError';
    this.permanent = permanent;
  }
}

export interface DeliveryOptions {
  /** Attempts before a message is given up and shown to the officer. */
  maxAttempts: number;
  /** The first wait; each failure doubles it, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a claimed message is another loop's to leave alone. */
  leaseMs: number;
  batch: number;
  /**
   * Messages per second at most. Mail services throttle senders anyway, and building a message costs about a
   * millisecond of the process that also files requests: a flood of filings must not starve the filing.
   */
  perSecond: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = {
  maxAttempts: 8,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  leaseMs: 120_000,
  batch: 50,
  perSecond: 10,
};

/** The wait after the n-th failed attempt (1-based): 30 s, 1 min, 2 min… capped at an hour by default. */
export const backoff = (attempt: number, o: Pick<DeliveryOptions, 'baseDelayMs' | 'maxDelayMs'> = DEFAULT_DELIVERY) =>
  Math.min(o.baseDelayMs * 2 ** Math.max(0, attempt - 1), o.maxDelayMs);

/** What may be kept of an error: its kind and code, never an address the server quoted back. */
export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  return raw
    .replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, '[address]')
    .replace(/\s+/g, ' ')
    .slice(0, 200);
}

/** The Message-ID for a stored message: its id at the sender's domain, the same on every attempt. */
export const messageIdOf = (id: string, from: string) => `<${id}@${/@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'localhost'}>`;

export interface Drained {
  sent: number;
  retried: number;
  failed: number;
}

const pause = (ms: number) => (ms > 0 && Number.isFinite(ms) ? new Promise((r) => setTimeout(r, ms)) : undefined);

/** What delivery works with: the outbox, the way out, the sender, the deployment's settings, clock and secret. */
export interface Delivery {
  store: OutboxStore;
  transport: Transport;
  /** The From header, e.g. `CITIM <confidentialite@…>`; its domain names the Message-IDs. */
  from: string;
  settings: MailSettings;
  clock: () => Date;
  /** The server's secret, of which the receipts' confirmation codes are made. */
  secret: string;
}

/**
 * A claimed message opened (when the outbox kept it sealed) and written out, with its confirmation code if it is a
 * receipt. A seal that no longer opens (the server's secret was changed) is a permanent failure, shown to the officer.
 */
async function writeOut({ settings, secret }: Delivery, claimed: Claimed) {
  const message = await openMessage(claimed, secret).catch(() => {
    throw new SendError('sealed with another server secret: it cannot be opened', true);
  });
  const code = message.kind === 'filed' ? await confirmationCode(secret, message.reference ?? '') : undefined;
  return { recipient: message.recipient, ...render(settings, message, code) };
}

/** Sends what is due now, batch after batch, until nothing due is left. */
export async function drainOutbox(delivery: Delivery, options: Partial<DeliveryOptions> = {}): Promise<Drained> {
  const { store, transport, from, clock } = delivery;
  const o = { ...DEFAULT_DELIVERY, ...options };
  const done: Drained = { sent: 0, retried: 0, failed: 0 };
  for (;;) {
    const now = clock();
    const claimed = await store.claimMessages(
      now.toISOString(),
      new Date(now.getTime() + o.leaseMs).toISOString(),
      o.batch,
    );
    // Marked sent together after the batch: one write for many, so that a busy filing path is not slowed down. A
    // crash in between sends those again, with the same Message-ID.
    const sent: string[] = [];
    for (const message of claimed) {
      if (sent.length + done.retried + done.failed > 0) await pause(1000 / o.perSecond);
      try {
        await transport.send({
          id: message.id,
          messageId: messageIdOf(message.id, from),
          ...(await writeOut(delivery, message)),
        });
        sent.push(message.id);
      } catch (error) {
        const attempt = message.attempts + 1;
        const last = attempt >= o.maxAttempts || (error instanceof SendError && error.permanent);
        const next = last ? null : new Date(clock().getTime() + backoff(attempt, o)).toISOString();
        await store.messageFailed(message.id, errorText(error), next);
        if (last) done.failed++;
        else done.retried++;
      }
    }
    await store.messagesSent(sent, clock().toISOString());
    done.sent += sent.length;
    if (claimed.length < o.batch) return done;
  }
}
