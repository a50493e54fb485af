// The privacy officer's tools, as functions over a Store: list by due date, open, change status, export, purge.
// function/entries/officer-cli.ts is their command line; every change lands in the append-only audit log.
import { CLOSED, type PersonalFields, type Status } from '../../shared/request.ts';
import { exportText } from '../../shared/request-export.ts';
import { keysetOf, type OpeningKeys, open, seal } from '../../shared/crypto/sealed.ts';
import { noteContext, openHistory, resealAll, type ResealReport } from '../../shared/sealed-request.ts';
import { type MailSettings, statusMessage } from '../mail/compose.ts';
import { sealMessages } from '../mail/outbox-key.ts';
import type { NotifiedStatus } from '../mail/words.ts';
import type { InboxStore, Notify, RequestStore, StoredRequest } from '../store/contract.ts';

/** Where a request may go from each state. Closed states are final. */
export const TRANSITIONS: Record<Status, Status[]> = {
  received: ['identity-verified', 'refused', 'withdrawn'],
  'identity-verified': ['in-progress', 'refused', 'withdrawn'],
  'in-progress': ['completed', 'refused', 'withdrawn'],
  completed: [],
  refused: [],
  withdrawn: [],
};

/**
 * Policy §10: files are kept six years, notably for government audits. It is also the least: a deployment may keep
 * them longer, never shorter, and every path that deletes (CLI, admin API) goes through `purge` below.
 */
export const DEFAULT_RETENTION_YEARS = 6;
export const MIN_RETENTION_YEARS = DEFAULT_RETENTION_YEARS;
const DAY = 86_400_000;

export type Flag = 'overdue' | 'due-soon' | '';

export function flagOf(request: StoredRequest, now: Date, soonDays = 7): Flag {
  if (request.closedAt) return '';
  const due = Date.parse(request.dueAt);
  if (due < now.getTime()) return 'overdue';
  return due - now.getTime() <= soonDays * DAY ? 'due-soon' : '';
}

export async function listByDue(store: RequestStore, now: Date) {
  return (await store.listRequests()).map((r) => ({ ...r, flag: flagOf(r, now) }));
}

/** The kinds of refusal, each answered with its own status by the admin API and named back by its client. */
export const OFFICER_ERROR_KINDS = ['not-found', 'transition', 'conflict', 'retention', 'input'] as const;

/** A refusal the officer can act on, with what kind it is so the admin API can answer it with the right status. */
export class OfficerError extends Error {
  readonly kind: (typeof OFFICER_ERROR_KINDS)[number];
  constructor(message: string, kind: OfficerError['kind'] = 'input') {
    super(message);
    this.kind = kind;
  }
}

/** One request opened with `keys` (the recovery key, a device key, the former v1 key), with its history's notes. */
export async function showRequest(store: RequestStore, reference: string, keys: OpeningKeys) {
  const request = await store.getRequest(reference);
  if (!request) throw new OfficerError(`No request ${reference}.`, 'not-found');
  const personal = await open<PersonalFields>(request.sealed, keys, reference).catch(() => {
    throw new OfficerError(`${reference} does not open with the key given (it is sealed for other readers).`, 'input');
  });
  // Status notes are sealed too; one that does not open is shown as such and never blocks the request (or its export).
  const audit = await openHistory(await store.listAudit(reference), await store.listNotes(reference), keys, reference);
  // Recorded in the log when the requester used the link of their receipt: one piece of identity verification.
  const emailConfirmedAt = audit.find((a) => a.action === 'email:confirmed')?.at ?? null;
  return { request, personal, emailConfirmedAt, audit };
}

/**
 * Moves a request along an allowed transition and records it: the one implementation behind the CLI, the admin API
 * and the officer's remote tools. `sealedNote` is already sealed (the server never sees a note in clear).
 */
export async function applyStatus(
  store: RequestStore,
  options: {
    reference: string;
    status: Status;
    /**
     * The status the tool showed when the officer chose (the inbox's page, the CLI's read): the change is made only
     * from it, so that a change made meanwhile elsewhere is never silently overridden.
     */
    from?: Status | undefined;
    /** The note, sealed for the request's readers (the server never sees a note in clear). */
    note?: { id: string; sealed: string } | null | undefined;
    operator: string;
    now: Date;
    /** Tell the requester, at this address (decrypted by the officer's tool), in this language. */
    notify?: Notify | null | undefined;
    /** Where the message is composed here; a remote store composes on the far side from `notify`. */
    mail?: MailSettings | undefined;
  },
) {
  const request = await store.getRequest(options.reference);
  if (!request) throw new OfficerError(`No request ${options.reference}.`, 'not-found');
  const from = options.from ?? request.status;
  const conflict = () =>
    new OfficerError(
      `${options.reference} was changed meanwhile by someone else: it is now ${request.status}` +
        `${from === request.status ? '' : ` (you saw ${from})`}. Nothing was changed; look at it again.`,
      'conflict',
    );
  if (request.status !== from) throw conflict();
  if (!TRANSITIONS[request.status].includes(options.status)) {
    const allowed = TRANSITIONS[request.status];
    throw new OfficerError(
      `${options.reference} is ${request.status}; it can go to ` +
        `${allowed.length ? allowed.join(', ') : 'no other state (closed)'}, not ${options.status}.`,
      'transition',
    );
  }
  const at = options.now.toISOString();
  const action = `status:${options.status}`;
  const closed = CLOSED.includes(options.status);
  const { notify, mail } = options;
  // The requester's address and the news, kept sealed for the outbox's key until the message leaves.
  const messages =
    notify && mail
      ? await sealMessages(
          [
            statusMessage(options.reference, notify.email, {
              type: request.type,
              status: options.status as NotifiedStatus,
              dueAt: request.dueAt,
              lang: notify.lang,
              closed,
            }),
          ],
          mail.sealFor,
        )
      : [];
  const note = options.note ? { ...options.note, reference: options.reference } : undefined;
  const changed = await store.setStatus(
    { reference: options.reference, from, to: options.status, at, closedAt: closed ? at : null, note },
    { at, reference: options.reference, action, operator: options.operator, detail: note ? `note:${note.id}` : null },
    { messages, notify: notify ?? undefined },
  );
  // Another tool won between the read and the write: the store refused, nothing was written.
  if (!changed) {
    const now = await store.getRequest(options.reference);
    if (!now) throw new OfficerError(`No request ${options.reference}.`, 'not-found');
    request.status = now.status;
    throw conflict();
  }
  return { reference: options.reference, status: options.status, at };
}

export async function changeStatus(
  store: RequestStore,
  options: {
    reference: string;
    status: Status;
    from?: Status | undefined;
    note?: string | undefined;
    operator: string;
    now: Date;
    notify?: Notify | null | undefined;
    mail?: MailSettings | undefined;
  },
) {
  // A note may name the person: sealed like the request itself, for today's readers.
  const note = options.note
    ? {
        id: crypto.randomUUID(),
        sealed: await seal(options.note, await store.recipients(), noteContext(options.reference)),
      }
    : null;
  return applyStatus(store, { ...options, note });
}

/** The request and its data in a structured, commonly used format (portability: JSON; spreadsheets: CSV). */
export async function exportRequest(
  store: RequestStore,
  reference: string,
  keys: OpeningKeys,
  format: 'json' | 'csv',
  operator: string,
  now: Date,
): Promise<string> {
  const { request, personal, audit } = await showRequest(store, reference, keys);
  await store.appendAudit({ at: now.toISOString(), reference, action: `export:${format}`, operator, detail: null });
  return exportText(request, personal, audit, format, now);
}

/** Whether a request may be deleted: closed before the start of the retention period that ends `now`. */
export function purgeable(request: Pick<StoredRequest, 'closedAt'>, now: Date, retentionYears: number): boolean {
  return request.closedAt !== null && request.closedAt < retentionCutoff(now, retentionYears);
}

/** The start of the retention period that ends `now`: a request closed before it may be deleted. */
export function retentionCutoff(now: Date, retentionYears: number): string {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() - retentionYears);
  return limit.toISOString();
}

/**
 * Deletes closed requests older than the retention period; refuses any other, and any period under the policy's. It
 * chooses from the retention view (`closedBefore`: no sealed field read) where the store has one; the remote store
 * (the admin API) has none and reads its list.
 */
export async function purge(
  store: RequestStore & Partial<Pick<InboxStore, 'closedBefore'>>,
  options: { now: Date; retentionYears: number; operator: string; references?: string[]; dryRun?: boolean },
) {
  if (!Number.isInteger(options.retentionYears) || options.retentionYears < MIN_RETENTION_YEARS)
    throw new OfficerError(
      `The retention period is at least ${MIN_RETENTION_YEARS} years (policy §10): ` +
        `${options.retentionYears} is refused.`,
      'retention',
    );
  const eligible = <T extends Pick<StoredRequest, 'closedAt'>>(r: T | null): r is T =>
    r !== null && purgeable(r, options.now, options.retentionYears);
  let chosen: Pick<StoredRequest, 'reference' | 'closedAt'>[];
  if (options.references?.length) {
    // Named twice is deleted (and audited) once.
    const named = [...new Set(options.references)];
    const found = await Promise.all(named.map((reference) => store.getRequest(reference)));
    const refused = named.filter((_, i) => !eligible(found[i] ?? null));
    if (refused.length)
      throw new OfficerError(
        `Not deleted: ${refused.join(', ')} ${refused.length > 1 ? 'are' : 'is'} open, unknown, or closed less than ` +
          `${options.retentionYears} years ago (policy §10).`,
        'retention',
      );
    chosen = found.filter(eligible);
  } else if (store.closedBefore) {
    chosen = await store.closedBefore(retentionCutoff(options.now, options.retentionYears), 1_000_000_000);
  } else {
    chosen = (await store.listRequests()).filter(eligible);
  }
  if (options.dryRun || chosen.length === 0) return chosen.map((r) => r.reference);
  const at = options.now.toISOString();
  await store.deleteRequests(
    chosen.map((r) => r.reference),
    chosen.map((r) => ({
      at,
      reference: r.reference,
      action: 'purged',
      operator: options.operator,
      detail: `closed ${r.closedAt}`,
    })),
  );
  return chosen.map((r) => r.reference);
}

/**
 * Seals every request not sealed for today's readers (a new officer's key, a revoked one, a new recovery key) again,
 * opened with `keys`: the command line's re-wrap, on a file or through the admin API; the inbox runs the same
 * `resealAll` through its own API.
 */
export function rewrap(
  store: RequestStore,
  keys: OpeningKeys,
  operator: string,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<ResealReport> {
  return resealAll(
    {
      async page(after) {
        const recipients = await store.recipients();
        const keyset = await keysetOf(recipients);
        return { recipients, keyset, ...(await store.pageToReseal(keyset, after, 100)) };
      },
      write: (keyset, items) =>
        store.resealRequests(items, keyset, {
          at: now.toISOString(),
          reference: null,
          action: 'keys:rewrap',
          operator,
          detail: null,
        }),
    },
    keys,
    onProgress,
  );
}
