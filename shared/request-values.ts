// The values a privacy request's fields take, apart from its schema (shared/request.ts): what the form renders
// before anything is checked, without the validation library.

/**
 * Quebec private-sector act: access (art. 27), rectification (28), deletion and de-indexing (28.1), withdrawal,
 * portability (27 al. 3), complaint.
 */
export const REQUEST_TYPES = [
  'access',
  'rectification',
  'deletion',
  'withdrawal',
  'portability',
  'deindexing',
  'complaint',
] as const;
export const RELATIONS = [
  'participant',
  'former-participant',
  'applicant',
  'partner',
  'employee',
  'visitor',
  'other',
] as const;
/**
 * Who may file (private-sector Act, s. 30): the person concerned (an adult: §4 of the policy), their representative
 * (mandatary), the holder of parental authority over a minor (even one who has died) or a minor's tutor, and, for a
 * deceased person, an heir or successor, the liquidator of the estate, or a beneficiary of life insurance or of a death
 * benefit. Each must later prove that capacity; the form says with what.
 */
export const CAPACITIES = [
  'self-adult',
  'representative',
  'parent-of-minor',
  'tutor-of-minor',
  'heir',
  'liquidator',
  'beneficiary',
] as const;
export const REPLY_FORMATS = ['pdf', 'paper', 'csv', 'json'] as const;
export const HOLDERS = ['citim', 'cbsa'] as const;
export const STATUSES = ['received', 'identity-verified', 'in-progress', 'completed', 'refused', 'withdrawn'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export const CLOSED: readonly Status[] = ['completed', 'refused', 'withdrawn'];
