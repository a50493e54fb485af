// The stored consent decision and its compact cookie form. Decoding never throws: anything unexpected is "no decision
// yet".
import type { Method } from '../../shared/consent.ts';
import { OPTIONAL, type Optional, own, type Services } from './categories.ts';

export type { Method } from '../../shared/consent.ts';
export type Choices = Record<Optional, boolean>;

export interface ConsentRecord {
  /** Random, pseudonymous: ties a receipt to a decision, never to a person. */
  id: string;
  /** When the first decision was made, and when this one was (ms since epoch). */
  created: number;
  updated: number;
  choices: Choices;
  /** Cookie declaration revision the decision was made on. */
  revision: number;
  /** Policy version in force when the decision was made. */
  policy: string;
  /** Whether the browser sent Global Privacy Control at the time. */
  gpc: boolean;
  method: Method;
  /** Choices per service that differ from their category's ({} when the person chose by category only). */
  services: Services;
}

/** Cookies beyond this length are not ours: refuse to parse them. */
export const MAX_COOKIE_LENGTH = 320;
/**
 * The fields encodeRecord writes; the per-service choices (`youtube1.linkedin0`) are there only when there are some.
 */
const FORMAT =
  /^1-([a-z0-9]{8,32})-([a-z0-9]{1,11})-([a-z0-9]{1,11})-([01]{4})-(\d{1,6})-(\d{1,4}\.\d{1,4})-([01])-([arcp])(?:-((?:[a-z]{1,16}[01]\.){0,31}[a-z]{1,16}[01]))?-([a-z0-9]{1,7})$/;
/** One letter each in the cookie; `p` for a decision a page's script made through the API. */
const METHODS: Record<string, Method> = { a: 'accept-all', r: 'refuse-all', c: 'custom', p: 'api' };
const LETTERS = Object.fromEntries(Object.entries(METHODS).map(([letter, method]) => [method, letter]));

/** FNV-1a: catches a hand-edited or truncated cookie (it is no signature: the person may change their own choices). */
function checksum(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export function encodeRecord(r: ConsentRecord): string {
  const bits = OPTIONAL.map((c) => (r.choices[c] ? 1 : 0)).join('');
  const services = Object.entries(r.services ?? {}).map(([id, on]) => `${id}${on ? 1 : 0}`);
  const fields = [
    '1',
    r.id,
    r.created.toString(36),
    r.updated.toString(36),
    bits,
    r.revision,
    r.policy,
    r.gpc ? 1 : 0,
    LETTERS[r.method],
  ];
  const body = [...fields, ...(services.length ? [services.join('.')] : [])].join('-');
  return `${body}-${checksum(body)}`;
}

export function decodeRecord(value: unknown, now = Date.now()): ConsentRecord | null {
  if (typeof value !== 'string' || value.length > MAX_COOKIE_LENGTH) return null;
  const m = FORMAT.exec(value);
  if (!m) return null;
  const body = value.slice(0, value.lastIndexOf('-'));
  if (checksum(body) !== m[10]) return null;
  const created = Number.parseInt(m[2]!, 36);
  const updated = Number.parseInt(m[3]!, 36);
  // A decision from the future, or made before it was first made, was not written by us.
  if (!(created <= updated && updated <= now + 86_400_000)) return null;
  const choices = Object.fromEntries(OPTIONAL.map((c, i) => [c, m[4]![i] === '1'])) as Choices;
  return {
    id: m[1]!,
    created,
    updated,
    choices,
    revision: Number(m[5]),
    policy: m[6]!,
    gpc: m[7] === '1',
    method: METHODS[m[8]!]!,
    services: Object.fromEntries((m[9]?.split('.') ?? []).map((s) => [s.slice(0, -1), s.endsWith('1')])),
  };
}

/** All values of one cookie in a `document.cookie` string: a domain change can leave two of them. */
export function cookieValues(header: string, name: string): string[] {
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        values.push(decodeURIComponent(part.slice(eq + 1).trim()));
      } catch {
        // A value that is not valid URI encoding is someone else's or corrupt: skip it.
      }
    }
  }
  return values;
}

/** The most recent valid decision among several copies of the cookie. */
export function latestRecord(values: readonly string[], now = Date.now()): ConsentRecord | null {
  let latest: ConsentRecord | null = null;
  for (const v of values) {
    const r = decodeRecord(v, now);
    if (r && (!latest || r.updated > latest.updated)) latest = r;
  }
  return latest;
}

/**
 * A random id from the platform's generator, base 36. A plain loop: a page may replace `Array.from` (Prototype.js's
 * ignores the mapping function, and one id in five came out malformed and was never read back).
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let id = '';
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}

/**
 * Global Privacy Control refuses advertising for a decision made without it, "accept all" included: only a choice made
 * in the dialog while the signal was on overrides it. The record then says the signal was honoured.
 */
export function withGpc(
  record: ConsentRecord,
  gpc: boolean,
  advertisingServices: readonly string[] = [],
): ConsentRecord {
  const allowedAd = advertisingServices.filter((id) => own(record.services, id));
  if (!gpc || (!record.choices.advertising && !allowedAd.length) || (record.gpc && record.method === 'custom'))
    return record;
  const services = Object.fromEntries(Object.entries(record.services).filter(([id]) => !allowedAd.includes(id)));
  return { ...record, choices: { ...record.choices, advertising: false }, services, gpc: true };
}
