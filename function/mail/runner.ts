// What drives the outbox: the officers' daily digest, queued once a day, and the Node entry's delivery loop (woken by
// each write, and every few seconds for retries). Workers drive the same drain from a Cron Trigger (worker.ts).
import { chainAudit, headText } from '../domain/audit-chain.ts';
import type { AuditChainStore, InboxStore, PageKey } from '../store/contract.ts';
import { digestMessages, type MailSettings } from './compose.ts';
import { type Delivery, type DeliveryOptions, drainOutbox } from './deliver.ts';
import type { OutboxStore } from './outbox.ts';

/** The digest goes out from 8 a.m. in Montreal, once per day and officer (its id says which). */
const DIGEST_HOUR = 8;

const MONTREAL = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Toronto',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});
const montreal = (now: Date) => {
  const parts = MONTREAL.formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
};

/** Whether the day's digest is due at `now` (Montreal time), and for which day. */
export function digestDay(now: Date): string | null {
  const { day, hour } = montreal(now);
  return hour >= DIGEST_HOUR ? day : null;
}

/**
 * Queues the day's digest for each officer: open requests overdue or due within 7 days. Asking twice the same day
 * queues nothing more (the message id is per day and officer).
 */
export async function queueDigest(
  store: OutboxStore & InboxStore & AuditChainStore,
  settings: MailSettings,
  now: Date,
): Promise<number> {
  if (!settings.officers.length) return 0;
  const limit = new Date(now.getTime() + 7 * 86_400_000).toISOString();
  const due = [];
  // Open requests by due date: read pages until past the 7-day horizon.
  for (let after: PageKey | null = null; ; ) {
    const { rows } = await store.pageRequests({ status: 'open', type: '' }, after, 500);
    due.push(...rows.filter((r) => r.dueAt <= limit));
    if (rows.length < 500 || rows.at(-1)!.dueAt > limit) break;
    after = { dueAt: rows.at(-1)!.dueAt, reference: rows.at(-1)!.reference };
  }
  // The log chained up to now: its head goes out with the digest, beyond the reach of whoever holds the database.
  await chainAudit(store);
  const head = headText((await store.auditToChain(0)).previous);
  const messages = await digestMessages(settings, due, now, head);
  await store.enqueueMessages(messages, now.toISOString());
  return messages.length;
}

export interface OutboxLoop {
  /** Delivers soon: called after each write that queued a message, so the filing never waits for the mail server. */
  kick(): void;
  /** Resolves when the current round (if any) is over; for tests and shutdown. */
  idle(): Promise<void>;
  stop(): void;
}

/** The Node entry's loop: one round at a time; a kick during a round asks for another right after it. */
export function outboxLoop(
  options: Delivery & {
    store: OutboxStore & InboxStore & AuditChainStore;
    everyMs?: number;
    /** How long a kick waits for other writes before the round starts. */
    gatherMs?: number;
    delivery?: Partial<DeliveryOptions>;
    onError?: (error: unknown) => void;
  },
): OutboxLoop {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let digestDone: string | null = null;
  const round = async () => {
    const day = digestDay(options.clock());
    if (day && day !== digestDone) {
      await queueDigest(options.store, options.settings, options.clock());
      digestDone = day;
    }
    await drainOutbox(options, options.delivery);
  };
  let soon: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  // Writes that come together share one round a moment later: a burst of filings is not a burst of rounds.
  const kick = () => {
    soon ??= setTimeout(() => {
      soon = null;
      run();
    }, options.gatherMs ?? 200);
  };
  const timer = setInterval(run, options.everyMs ?? 15_000);
  timer.unref();
  setImmediate(run);
  return {
    kick,
    idle: async () => {
      while (running) await running;
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      if (soon) clearTimeout(soon);
    },
  };
}
