// A sealed request as the officer's tools open and re-seal it, whichever tool: the inbox in the browser, the command
// line on a file or through the admin API. Personal fields and notes open on the officer's device only.
import { sha256 } from './crypto/encoding.ts';
import { isLegacy } from './crypto/legacy.ts';
import { isSealed, type OpeningKeys, open, reseal } from './crypto/sealed.ts';

/** An entry of a request's history as the server gives it: a status note is named (`note:<id>`) or, in v1, inline. */
export interface HistoryEntry {
  at: string;
  action: string;
  operator: string;
  detail: string | null;
}
/** A sealed note of a request (its id: a random one, or `v1-…` for a v1 note moved out of the audit log). */
export interface SealedNote {
  id: string;
  sealed: string;
}

/** Shown in place of a note that does not open with the keys at hand: it never blocks the request. */
export const UNREADABLE_NOTE = '[note that cannot be opened with this key]';

/** The notes table's id for a note of format v1, kept in the audit log itself: named after its seal. */
export const legacyNoteId = async (sealed: string) => `v1-${(await sha256(`note:${sealed}`)).slice(0, 32)}`;

/** The context a note is sealed in: its request's. */
export const noteContext = (reference: string) => `note:${reference}`;

/** The history with each status note opened: from the notes (re-wrapped with the request), or a v1 seal inline. */
export async function openHistory<E extends HistoryEntry>(
  entries: readonly E[],
  notes: readonly SealedNote[],
  keys: OpeningKeys,
  reference: string,
): Promise<E[]> {
  const byId = new Map(notes.map((n) => [n.id, n.sealed]));
  const opened = (sealed: string | undefined) =>
    sealed === undefined
      ? Promise.resolve(UNREADABLE_NOTE)
      : open<string>(sealed, keys, noteContext(reference)).catch(() => UNREADABLE_NOTE);
  return Promise.all(
    entries.map(async (e) => {
      if (!e.action.startsWith('status:') || !e.detail) return e;
      if (e.detail.startsWith('note:')) return { ...e, detail: await opened(byId.get(e.detail.slice(5))) };
      if (!isLegacy(e.detail)) return { ...e, detail: UNREADABLE_NOTE };
      // A v1 note: moved to the notes by a re-wrap (readable by today's officers), or opened with the former key.
      const moved = byId.get(await legacyNoteId(e.detail));
      return { ...e, detail: await opened(moved ?? e.detail) };
    }),
  );
}

/** A request whose readers are not today's, as the server hands it out for a re-wrap. */
export interface ToReseal {
  reference: string;
  sealed: string;
  keyset: string;
  notes: SealedNote[];
}

/** Where a re-wrap reads and writes: the store on a file, the admin API, or the inbox's API. */
export interface ResealSource {
  /** Today's readers and their keyset, and a page of requests not sealed for them, after `after`. */
  page(after: string): Promise<{ recipients: string[]; keyset: string; total: number; rows: ToReseal[] }>;
  /** Writes a batch; how many were written (others were re-wrapped meanwhile). */
  write(
    keyset: string,
    items: { reference: string; from: string; sealed: string; notes: SealedNote[] }[],
  ): Promise<number>;
}

export interface ResealReport {
  /** Requests now sealed for today's readers. */
  resealed: number;
  /** Requests these keys do not open (sealed before this officer's key was added, or for the former key only). */
  skipped: string[];
  /** The readers changed while this ran: run again. */
  readersChanged: boolean;
}

/**
 * Seals every request (and its notes) not sealed for today's readers again for them: opened with `keys`, a new file
 * key, today's recipients. What these keys cannot open is left as it is and named. Requests are written in batches,
 * each only if still sealed as read (two officers re-wrapping at once never undo each other).
 */
export async function resealAll(
  source: ResealSource,
  keys: OpeningKeys,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, skipped: [], readersChanged: false };
  let after = '';
  let first: string | undefined;
  for (;;) {
    const page = await source.page(after);
    first ??= page.keyset;
    if (page.keyset !== first) return { ...report, readersChanged: true };
    if (!page.rows.length) return report;
    const batch = [];
    for (const row of page.rows) {
      try {
        const notes = await Promise.all(
          row.notes.map(async (n) => ({
            id: n.id || (await legacyNoteId(n.sealed)),
            sealed: await reseal(n.sealed, keys, page.recipients, noteContext(row.reference)),
          })),
        );
        const sealed = await reseal(row.sealed, keys, page.recipients, row.reference);
        batch.push({ reference: row.reference, from: row.keyset, sealed, notes });
      } catch {
        report.skipped.push(row.reference);
      }
    }
    if (batch.length) report.resealed += await source.write(page.keyset, batch);
    after = page.rows.at(-1)!.reference;
    onProgress(report.resealed + report.skipped.length, page.total + report.resealed);
  }
}

/** What the server checks of a re-wrapped item before writing it: seals for exactly today's readers, nothing else. */
export const resealLooksRight = (item: { sealed: string; notes: SealedNote[] }, readers: number) =>
  isSealed(item.sealed, readers) && item.notes.every((n) => isSealed(n.sealed, readers));
