// The privacy officer's tools, as functions over a Store: list by due date, open, change status, export, purge.
// function/officer-cli.ts is their command line; every change lands in the append-only audit log.
import { CLOSED, type PersonalFields, type Status } from './schema.ts';
import { open, seal } from './seal.ts';
import type { Store, StoredRequest } from './store.ts';

/** Where a request may go from each state. Closed states are final. */
export const TRANSITIONS: Record<Status, Status[]> = {
  received: ['identity-verified', 'refused', 'withdrawn'],
  'identity-verified': ['in-progress', 'refused', 'withdrawn'],
  'in-progress': ['completed', 'refused', 'withdrawn'],
  completed: [],
  refused: [],
  withdrawn: [],
};

/** Policy §10: files are kept six years, notably for government audits. */
export const DEFAULT_RETENTION_YEARS = 6;
const DAY = 86_400_000;

export type Flag = 'overdue' | 'due-soon' | '';

export function flagOf(request: StoredRequest, now: Date, soonDays = 7): Flag {
  if (request.closedAt) return '';
  const due = Date.parse(request.dueAt);
  if (due < now.getTime()) return 'overdue';
  return due - now.getTime() <= soonDays * DAY ? 'due-soon' : '';
}

export async function listByDue(store: Store, now: Date) {
  return (await store.listRequests()).map((r) => ({ ...r, flag: flagOf(r, now) }));
}

export class OfficerError extends Error {}

export async function showRequest(store: Store, reference: string, privateKey: CryptoKey) {
  const request = await store.getRequest(reference);
  if (!request) throw new OfficerError(`No request ${reference}.`);
  const personal = await open<PersonalFields>(request.sealed, privateKey, reference);
  const audit = await Promise.all(
    (await store.listAudit(reference)).map(async (a) => ({ ...a, detail: a.detail?.startsWith('v1.') ? await open<string>(a.detail, privateKey, `note:${reference}`) : a.detail })),
  );
  return { request, personal, audit };
}

export async function changeStatus(store: Store, options: { reference: string; status: Status; note?: string | undefined; operator: string; now: Date; publicKey: CryptoKey }) {
  const request = await store.getRequest(options.reference);
  if (!request) throw new OfficerError(`No request ${options.reference}.`);
  if (!TRANSITIONS[request.status].includes(options.status)) {
    const allowed = TRANSITIONS[request.status];
    throw new OfficerError(`${options.reference} is ${request.status}; it can go to ${allowed.length ? allowed.join(', ') : 'no other state (closed)'}, not ${options.status}.`);
  }
  const at = options.now.toISOString();
  // A note may name the person: sealed like the request itself.
  const detail = options.note ? await seal(options.note, options.publicKey, `note:${options.reference}`) : null;
  await store.setStatus(options.reference, options.status, at, CLOSED.includes(options.status) ? at : null, {
    at,
    reference: options.reference,
    action: `status:${options.status}`,
    operator: options.operator,
    detail,
  });
}

const CSV_FIELDS = [
  'reference',
  'type',
  'status',
  'receivedAt',
  'dueAt',
  'name',
  'email',
  'phone',
  'fileNumber',
  'relation',
  'language',
  'replyFormat',
  'capacity',
  'details',
] as const;
const csvCell = (value: unknown) => {
  const text = value == null ? '' : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The request and its data in a structured, commonly used format (portability: JSON; spreadsheets: CSV). */
export async function exportRequest(store: Store, reference: string, privateKey: CryptoKey, format: 'json' | 'csv', operator: string, now: Date): Promise<string> {
  const { request, personal, audit } = await showRequest(store, reference, privateKey);
  await store.appendAudit({ at: now.toISOString(), reference, action: `export:${format}`, operator, detail: null });
  const record = { reference, type: request.type, status: request.status, receivedAt: request.receivedAt, dueAt: request.dueAt, ...personal };
  if (format === 'json') return `${JSON.stringify({ format: 'citim-privacy-request', version: 1, exportedAt: now.toISOString(), request: record, history: audit }, null, 2)}\n`;
  const row = record as Record<string, unknown>;
  return `${CSV_FIELDS.join(',')}\r\n${CSV_FIELDS.map((f) => csvCell(row[f])).join(',')}\r\n`;
}

/** Whether a request may be deleted: closed before the start of the retention period that ends `now`. */
export function purgeable(request: Pick<StoredRequest, 'closedAt'>, now: Date, retentionYears: number): boolean {
  const limit = new Date(now);
  limit.setUTCFullYear(limit.getUTCFullYear() - retentionYears);
  return request.closedAt !== null && request.closedAt < limit.toISOString();
}

/** Deletes closed requests older than the retention period; refuses any other. */
export async function purge(store: Store, options: { now: Date; retentionYears: number; operator: string; references?: string[]; dryRun?: boolean }) {
  const all = await store.listRequests();
  const eligible = (r: StoredRequest) => purgeable(r, options.now, options.retentionYears);
  let chosen = all.filter(eligible);
  if (options.references?.length) {
    const refused = options.references.filter((ref) => !all.some((r) => r.reference === ref && eligible(r)));
    if (refused.length)
      throw new OfficerError(
        `Not deleted: ${refused.join(', ')} ${refused.length > 1 ? 'are' : 'is'} open, unknown, or closed less than ${options.retentionYears} years ago (policy §10).`,
      );
    chosen = chosen.filter((r) => options.references!.includes(r.reference));
  }
  if (options.dryRun || chosen.length === 0) return chosen.map((r) => r.reference);
  const at = options.now.toISOString();
  await store.deleteRequests(
    chosen.map((r) => r.reference),
    chosen.map((r) => ({ at, reference: r.reference, action: 'purged', operator: options.operator, detail: `closed ${r.closedAt}` })),
  );
  return chosen.map((r) => r.reference);
}
