// The audit log's hash chain: each entry's hash is the SHA-256 of the previous entry's hash and the entry's own
// content, so that changing, removing or inserting an entry anywhere in the past changes every hash after it. The
// chain's head (the last entry's number and hash) goes out in the officers' daily digest and into every backup: a
// rewritten log, however consistent with itself, no longer matches what was sent. Entries are written without a hash
// (by any statement of either store) and chained in order right after, by whoever comes first: the same input gives
// the same hash, so two chainers agree.
import { sha256 } from '../../shared/crypto/encoding.ts';
import type { AuditChainStore, ChainedEntry } from '../store/contract.ts';

/** What the first entry is chained to. */
export const GENESIS = 'privacy-portal audit log v1';
const PAGE = 500;

/** An entry's hash from the previous one's: its number and every field, in a fixed order, as JSON. */
export const entryHash = (previous: string, e: ChainedEntry) =>
  sha256(`${previous}\n${JSON.stringify([e.id, e.at, e.reference, e.action, e.operator, e.detail])}`);

/** Chains every entry not chained yet, in order; how many. */
export async function chainAudit(store: AuditChainStore): Promise<number> {
  let chained = 0;
  for (;;) {
    const { previous, rows } = await store.auditToChain(PAGE);
    if (!rows.length) return chained;
    let hash = previous?.hash ?? GENESIS;
    const hashes: { id: number; hash: string }[] = [];
    for (const row of rows) {
      hash = await entryHash(hash, row);
      hashes.push({ id: row.id, hash });
    }
    chained += await store.chainAudit(hashes);
    if (rows.length < PAGE) return chained;
  }
}

/** The chain's state: where it holds to, and where it breaks if it does. */
export interface ChainReport {
  /** Entries checked. */
  entries: number;
  /** The last chained entry: what the digest and backups carry. */
  head: { id: number; hash: string } | null;
  /** The first entry whose hash is not what the entries before it give (changed, removed or inserted there). */
  brokenAt: { id: number; at: string; action: string } | null;
  /** Entries after the head not chained yet (written in the last moments). */
  pending: number;
}

/** Walks the whole log in order and recomputes every hash. */
export async function verifyAudit(store: AuditChainStore): Promise<ChainReport> {
  let previous = GENESIS;
  let after = 0;
  let entries = 0;
  let pending = 0;
  let head: ChainReport['head'] = null;
  for (;;) {
    const rows = await store.auditAfter(after, PAGE);
    for (const row of rows) {
      entries++;
      if (row.hash === null) {
        pending++;
        continue;
      }
      // An entry chained after one that is not: the order was changed under the chain.
      const expected = pending ? null : await entryHash(previous, row);
      if (row.hash !== expected)
        return { entries, head, brokenAt: { id: row.id, at: row.at, action: row.action }, pending };
      previous = row.hash;
      head = { id: row.id, hash: row.hash };
    }
    if (rows.length < PAGE) return { entries, head, brokenAt: null, pending };
    after = rows.at(-1)!.id;
  }
}

export { headText } from '../../shared/audit-head.ts';
