// The consent receipt, the one wire format between the widget and the function: the widget builds its receipts to
// this type, the function files only what this schema accepts. Exact keys, bounded values, nothing about the person.
import * as z from 'zod/mini';
import { LANGS, METHODS, OPTIONAL } from './consent.ts';

/** ISO 8601 instant as `Date.toISOString()` writes it. */
const instant = z.iso.datetime({ precision: 3 });

export const receiptSchema = z
  .strictObject({
    /** Always `consent-receipt`: a file a person keeps says what it is. */
    type: z.literal('consent-receipt'),
    /** The receipt format's version. */
    version: z.literal(1),
    /** The decision's random id (base 36): ties a receipt to a decision, never to a person or a device. */
    id: z.string().check(z.regex(/^[a-z0-9]{8,32}$/)),
    /** When this decision was made. */
    decidedAt: instant,
    /** When the first decision on this browser was made; never after `decidedAt`. */
    firstDecidedAt: instant,
    /** The host name of the site where the decision was made. */
    site: z
      .string()
      .check(
        z.maxLength(253),
        z.regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i),
      ),
    /** The language the person read the banner in. */
    lang: z.enum(LANGS),
    /** The policy version in force when the decision was made. */
    policyVersion: z.string().check(z.regex(/^\d{1,4}\.\d{1,4}$/)),
    /** The cookie declaration's revision the decision was made on. */
    declarationRevision: z.int().check(z.minimum(1), z.maximum(1_000_000)),
    /** Which button made it. */
    method: z.enum(METHODS),
    /** Whether the browser sent Global Privacy Control. */
    gpc: z.boolean(),
    /** Services allowed or refused apart from their category, by id (`youtube`); empty when chosen by category. */
    services: z.optional(
      z
        .record(z.string().check(z.regex(/^[a-z]{1,16}$/)), z.boolean())
        .check(z.refine((s) => Object.keys(s).length <= 32)),
    ),
    /** Every category, allowed or not; the strictly necessary are always allowed. */
    choices: z.strictObject({
      necessary: z.literal(true),
      ...(Object.fromEntries(OPTIONAL.map((c) => [c, z.boolean()])) as Record<
        (typeof OPTIONAL)[number],
        z.ZodMiniBoolean
      >),
    }),
  })
  .check(
    z.refine((r) => r.firstDecidedAt <= r.decidedAt, {
      error: 'firstDecidedAt is after decidedAt',
      path: ['firstDecidedAt'],
    }),
  );

export type Receipt = z.output<typeof receiptSchema>;

const DAY = 86_400_000;
/**
 * Whether a receipt's dates are those of a decision just made, by the server's clock: the widget files it at once, so
 * its decision is at most a day ahead (a visitor's clock may be fast) and a week behind (a slow clock, a page left
 * open); the first decision on the browser at most five years before (a choice lasts 395 days at most, renewed). A
 * receipt dated otherwise would plant weeks that never happened in the officer's chart.
 */
export const plausiblyDated = (receipt: Pick<Receipt, 'decidedAt' | 'firstDecidedAt'>, now: Date): boolean => {
  const decided = Date.parse(receipt.decidedAt);
  return (
    decided <= now.getTime() + DAY &&
    decided >= now.getTime() - 7 * DAY &&
    Date.parse(receipt.firstDecidedAt) >= decided - 5 * 366 * DAY
  );
};
