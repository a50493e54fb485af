// A privacy request as a person files it: one schema for the browser form, the function and the tests.
// Errors are codes (`email.invalid`); `messages` says them in French and English.
import * as z from 'zod/mini';

import { CAPACITIES, HOLDERS, RELATIONS, REPLY_FORMATS, REQUEST_TYPES } from './request-values.ts';

export {
  CAPACITIES,
  CLOSED,
  HOLDERS,
  RELATIONS,
  REPLY_FORMATS,
  REQUEST_TYPES,
  type RequestType,
  STATUSES,
  type Status,
} from './request-values.ts';

/** Control characters other than tab and line breaks have no place in a name or a letter. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Letters or digits in any script: what a name or a description cannot do without. */
const READABLE = /[\p{L}\p{N}]/u;
const text = (min: number, max: number, code: string, options: { singleLine?: boolean } = {}) =>
  z.string({ error: `${code}.required` }).check(
    z.trim(),
    z.minLength(min, { error: min <= 1 ? `${code}.required` : `${code}.short` }),
    z.maxLength(max, { error: `${code}.long` }),
    // A lone surrogate is half a character: it would be stored as U+FFFD, and the text changed without a word.
    z.refine((s) => s.isWellFormed(), { error: `${code}.encoding` }),
    z.refine((s) => !CONTROL.test(s), { error: `${code}.control` }),
    z.refine((s) => !options.singleLine || !/[\t\n\r]/.test(s), { error: `${code}.lines` }),
    // Zero-width and other invisible characters alone are not a name: at least one letter or digit, in any script.
    z.refine((s) => READABLE.test(s), { error: `${code}.invalid` }),
  );
const optionalText = (max: number, pattern: RegExp, code: string) =>
  z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(max, { error: `${code}.long` }),
      z.refine((s) => s === '' || pattern.test(s), { error: `${code}.invalid` }),
    ),
  );

const ATEXT = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATEXT}(?:\\.${ATEXT})*$`, 'u');
const ASCII_DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * An address mail can reach: a dot-atom local part (letters of any script allowed, RFC 6531) and a domain that may be
 * internationalised (`université.ca`), checked in the ASCII form the WHATWG URL parser gives it (IDNA, as browsers do).
 * The address is kept as typed.
 */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (at < 1 || local.length > 64 || !LOCAL_PART.test(local) || !domain || /[\s/?#@:\\[\]%]/.test(domain)) return false;
  try {
    return ASCII_DOMAIN.test(new URL(`http://${domain}`).hostname);
  } catch {
    return false;
  }
}

const isObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

export const requestSchema = z
  .object({
    /** Whose records: CITIM's, or the CBSA's (the PTET notice), which this portal cannot handle. */
    holder: z.enum(HOLDERS, { error: 'holder.required' }),
    type: z.enum(REQUEST_TYPES, { error: 'type.required' }),
    name: text(1, 200, 'name', { singleLine: true }),
    email: z
      .string({ error: 'email.required' })
      .check(
        z.trim(),
        z.minLength(1, { error: 'email.required' }),
        z.maxLength(254, { error: 'email.long' }),
        z.refine(isEmail, { error: 'email.invalid' }),
      ),
    // Spaces only between digits: a line break or a tab in a phone number is not one.
    phone: optionalText(40, /^\+?[\d ().-]{7,40}$/, 'phone'),
    fileNumber: optionalText(40, /^[\p{L}\p{N} ./-]{1,40}$/u, 'fileNumber'),
    relation: z.enum(RELATIONS, { error: 'relation.required' }),
    details: text(10, 5000, 'details'),
    language: z.enum(['fr', 'en'], { error: 'language.required' }),
    replyFormat: z.optional(z.enum(REPLY_FORMATS, { error: 'replyFormat.invalid' })),
    capacity: z.enum(CAPACITIES, { error: 'capacity.required' }),
    acknowledged: z.literal(true, { error: 'acknowledged.required' }),
  })
  .check(
    // Both rules also run when other fields fail, so the first list of errors is the whole list.
    z.refine((r) => r.holder !== 'cbsa', { error: 'holder.cbsa', path: ['holder'], when: isObject }),
    z.refine((r) => !(r.type === 'access' || r.type === 'portability') || r.replyFormat !== undefined, {
      error: 'replyFormat.required',
      path: ['replyFormat'],
      when: isObject,
    }),
  );

export type PrivacyRequest = z.output<typeof requestSchema>;

/**
 * Whom a status change is told to: the address the officer's tool decrypted (the server cannot read it), and the
 * request's language. The wire format of the inbox and the CLI's --notify; the function keeps it until delivered.
 */
export const notifySchema = z.strictObject({
  email: z.string().check(z.trim(), z.minLength(3), z.maxLength(254), z.refine(isEmail)),
  lang: z.enum(['fr', 'en']),
});
/** The fields that identify or concern the person: all of them are encrypted before storage. */
export type PersonalFields = Omit<PrivacyRequest, 'type' | 'holder' | 'acknowledged'>;

export type FieldErrors = Record<string, string>;

/** Turns form fields (strings, "on" for checkboxes) into the shape the schema reads. */
export function fromForm(form: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    if (typeof value !== 'string') out[key] = value;
    else if (key === 'acknowledged') out[key] = value === 'on' || value === 'true';
    else if (value.trim() !== '' || !['phone', 'fileNumber', 'replyFormat'].includes(key)) out[key] = value;
  }
  return out;
}

/** Validates; returns the request, or the first error code of each field. */
export function validateRequest(
  input: unknown,
): { ok: true; request: PrivacyRequest } | { ok: false; errors: FieldErrors } {
  const result = requestSchema.safeParse(input);
  if (result.success) return { ok: true, request: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message.includes('.') ? issue.message : `${field}.invalid`;
  }
  return { ok: false, errors };
}
