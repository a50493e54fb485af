// A cookie scan's summary, the one wire format between the scanner (scanner/report.ts writes it into report.json),
// the function (which keeps the last ones: `npm run officer -- scan-record`, the admin API) and the inbox (which shows
// the last one, breaches first). Bounded: a summary, not the whole report.
import * as z from 'zod/mini';
import { OPTIONAL } from './consent.ts';

const instant = z.iso.datetime({ precision: 3 });
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const address = text(2048);
const passes = z.array(text(40)).check(z.maxLength(8));
/** At most this many breaches and undeclared items are kept in a summary: the rest are counted. */
export const SUMMARY_ITEMS = 50;

export const scanSummarySchema = z.strictObject({
  type: z.literal('citim-scan-summary'),
  version: z.literal(1),
  startedAt: instant,
  finishedAt: instant,
  /** The declaration's revision the sites were held against. */
  revision: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  /** The sites scanned: where each scan started and how many pages it visited. */
  sites: z.array(z.strictObject({ start: address, pages: z.int().check(z.minimum(0)) })).check(z.maxLength(100)),
  counts: z.strictObject({
    breaches: z.int().check(z.minimum(0)),
    undeclared: z.int().check(z.minimum(0)),
    lifetimes: z.int().check(z.minimum(0)),
    withoutWidget: z.int().check(z.minimum(0)),
    neverSeen: z.int().check(z.minimum(0)),
  }),
  /** The breaches, first ones first: what, its name, its service and category, when, where, set or loaded by. */
  breaches: z
    .array(
      z.strictObject({
        what: z.enum(['cookie', 'storage', 'request']),
        name: address,
        service: text(200),
        category: z.enum(OPTIONAL),
        site: text(253),
        passes,
        pages: z.array(address).check(z.maxLength(5)),
        sources: z.array(address).check(z.maxLength(5)),
      }),
    )
    .check(z.maxLength(SUMMARY_ITEMS)),
  /** What no declared service explains, those seen without consent first. */
  undeclared: z
    .array(
      z.strictObject({
        what: z.enum(['cookie', 'storage', 'request']),
        name: address,
        site: text(253),
        withoutConsent: z.boolean(),
        passes,
      }),
    )
    .check(z.maxLength(SUMMARY_ITEMS)),
});

export type ScanSummary = z.output<typeof scanSummarySchema>;
