// What the officer API takes, one schema each, shared by the inbox's routes and the admin API.
import * as z from 'zod/mini';
import { REFERENCE } from '../domain/reference.ts';
import { notifySchema, REQUEST_TYPES, STATUSES } from '../../shared/request.ts';
import { isRecipient } from '../../shared/crypto/sealed.ts';

/** A note sealed in the officer's tool, with the id the audit log will name it by. */
export const noteShape = z.strictObject({
  id: z.string().check(z.regex(/^(v1-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/)),
  sealed: z.string().check(z.maxLength(20_000)),
});

export const officerBodies = {
  status: z.strictObject({
    status: z.enum(STATUSES),
    /** The status the page showed: the change is made from it only (compare-and-set, 409 otherwise). */
    from: z.enum(STATUSES),
    /** Sealed in the officer's browser; checked to be a seal for today's readers, so no clear text is ever kept. */
    note: z.nullable(noteShape),
    /** The requester's address, decrypted in the officer's browser, to tell them of the change. */
    notify: z.optional(z.nullable(notifySchema)),
  }),
  exported: z.strictObject({ format: z.enum(['json', 'csv']) }),
  purge: z.strictObject({
    references: z.array(z.string().check(z.regex(REFERENCE))).check(z.minLength(1), z.maxLength(1_000)),
  }),
  listQuery: z.strictObject({
    status: z._default(z.enum(['open', 'all', ...STATUSES]), 'open'),
    type: z._default(z.union([z.literal(''), z.enum(REQUEST_TYPES)]), ''),
    /** Where the page starts: the `next` of the page before (`<due date>_<reference>`); empty for the first. */
    after: z._default(z.string().check(z.regex(/^$|^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_\d{4}-\w{4}-\w{4}$/)), ''),
    size: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
  }),
  /** The journal's filters (all optional; days are whole days, `to` included) and where its page starts. */
  auditQuery: z.strictObject({
    reference: z._default(z.union([z.literal(''), z.string().check(z.regex(REFERENCE))]), ''),
    action: z._default(z.string().check(z.regex(/^[a-z0-9:-]{0,40}$/)), ''),
    operator: z._default(z.string().check(z.maxLength(80)), ''),
    from: z._default(z.string().check(z.regex(/^$|^\d{4}-\d\d-\d\d$/)), ''),
    to: z._default(z.string().check(z.regex(/^$|^\d{4}-\d\d-\d\d$/)), ''),
    before: z._default(z.coerce.number().check(z.int(), z.minimum(0)), 0),
    size: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 100),
  }),
  /** An age X25519 recipient: a public key and nothing else (an identity sent by mistake is refused, never kept). */
  addKey: z.strictObject({ recipient: z.string().check(z.refine(isRecipient)) }),
  resealQuery: z.strictObject({ after: z._default(z.string().check(z.regex(/^$|^\d{4}-[\w]{4}-[\w]{4}$/)), '') }),
  reseal: z.strictObject({
    keyset: z.string().check(z.maxLength(2_000)),
    items: z
      .array(
        z.strictObject({
          reference: z.string().check(z.regex(REFERENCE)),
          from: z.string().check(z.maxLength(2_000)),
          sealed: z.string().check(z.maxLength(100_000)),
          notes: z.array(noteShape).check(z.maxLength(200)),
        }),
      )
      .check(z.minLength(1), z.maxLength(50)),
  }),
  invite: z.strictObject({ name: z.string().check(z.trim(), z.regex(/^[\p{L}\p{N} ._@'-]{1,80}$/u)) }),
};
