// When a stored decision no longer stands and the person must be asked again.
import type { ConsentRecord } from './record.ts';

export interface RenewalRules {
  /** Cookie declaration revision now. */
  revision: number;
  /** The latest policy version in force that requires renewed consent, if any. */
  renewSince?: string | undefined;
  maxAgeDays: number;
  now: number;
}

export type Renewal = { reason: 'expired' } | { reason: 'revision' } | { reason: 'policy'; from: string; to: string };

/** Six months, as the CNIL recommends for the life of a consent choice; `data-max-age-days` changes it. */
export const DEFAULT_MAX_AGE_DAYS = 180;

const parts = (v: string) => v.split('.').map(Number) as [number, number];
export function olderVersion(a: string, b: string): boolean {
  const [am, an] = parts(a);
  const [bm, bn] = parts(b);
  return am < bm || (am === bm && an < bn);
}

export function needsRenewal(record: ConsentRecord, rules: RenewalRules): Renewal | null {
  if (rules.now - record.updated > rules.maxAgeDays * 86_400_000) return { reason: 'expired' };
  if (record.revision !== rules.revision) return { reason: 'revision' };
  if (rules.renewSince && olderVersion(record.policy, rules.renewSince))
    return { reason: 'policy', from: record.policy, to: rules.renewSince };
  return null;
}
