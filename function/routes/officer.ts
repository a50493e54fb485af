// The officer's inbox API: its doors (officer-signin.ts), then the list of requests, casework, invitations and access.
// The server stores public keys and hashes only; requests leave it sealed, as they arrived.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { type AccessStore, createInvitation } from '../access.ts';
import type { Toolkit } from '../http.ts';
import { fingerprint, isRecipient, isSealed } from '../../shared/crypto/sealed.ts';
import { resealLooksRight } from '../../shared/sealed-request.ts';
import type { ListedRequest, StoredRequest } from '../store.ts';
import { consentOverview } from '../consent-overview.ts';
import { applyStatus, DEFAULT_RETENTION_YEARS, OfficerError, purge, purgeable, TRANSITIONS } from '../officer.ts';
import { REFERENCE } from '../reference.ts';
import { notifySchema, REQUEST_TYPES, STATUSES } from '../../shared/request.ts';
import { bodyOf, officerDoors, type OfficerEnv, refuse } from './officer-signin.ts';

export { SESSION_IDLE_MS, SESSION_MAX_MS } from './officer-signin.ts';

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
    page: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(100_000)), 0),
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

export function officerRoutes(kit: Toolkit, access: AccessStore, rpName: string) {
  const { deps } = kit;
  const app = new Hono<OfficerEnv>();
  const now = () => deps.clock();
  const audit = (action: string, operator: string, detail: string | null = null) => ({
    at: now().toISOString(),
    reference: null,
    action,
    operator,
    detail,
  });

  // Every change comes from our own page: same origin, and a header no cross-site form can send (it forces a
  // preflight that CORS refuses). Together with SameSite=Strict cookies, no other site can act for the officer.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      if (c.req.header('X-Officer') !== '1' || !c.req.header('Origin')) return refuse(c, 403, 'forbidden');
    }
    await next();
    return undefined;
  });
  app.use('*', kit.sameOrigin);
  // The same body limit as every other route, before anything reads a body, signed in or not; a re-wrap's batch of
  // sealed requests is allowed more.
  const resealLimit = kit.limitBodyTo(1024 * 1024);
  app.use('*', (c, next) => (c.req.path.endsWith('/reseal') ? resealLimit(c, next) : kit.limitBody(c, next)));
  const { app: doors, signedIn, confirmed } = officerDoors(kit, access, rpName);
  app.route('/', doors);

  /** The list needs no personal field: those stay sealed until the officer opens one request. */
  const listed = (r: StoredRequest): ListedRequest => ({
    reference: r.reference,
    type: r.type,
    status: r.status,
    receivedAt: r.receivedAt,
    dueAt: r.dueAt,
    statusChangedAt: r.statusChangedAt,
    closedAt: r.closedAt,
    keyset: r.keyset,
  });
  /** One page of the list, by due date, filtered by status (`open` by default) and type. */
  app.get('/requests', signedIn, async (c) => {
    const query = officerBodies.listQuery.safeParse(c.req.query());
    if (!query.success) return refuse(c, 400, 'malformed');
    const { status, type, page, size } = query.data;
    const { total, rows } = await deps.store.pageRequests({ status, type }, page * size, size);
    return c.json({ total, page, size, rows });
  });

  /**
   * Who requests are sealed for now: the recovery key and every active officer's device keys (fingerprints, names),
   * with today's recipients and keyset; the officer's own keys marked, so the browser knows whether this device's is
   * among them.
   */
  app.get('/keys', signedIn, async (c) => {
    const { recipients, keyset } = await kit.recipients();
    const officers = new Map((await access.listOfficers()).map((o) => [o.id, o]));
    const keys = await Promise.all(
      (await access.listOfficerKeys()).map(async (k) => ({
        fingerprint: k.fingerprint,
        recipient: k.recipient,
        officer: officers.get(k.officerId)?.name ?? '',
        mine: k.officerId === c.var.officer.id,
        createdAt: k.createdAt,
        revokedAt: k.revokedAt ?? officers.get(k.officerId)?.revokedAt ?? null,
      })),
    );
    const recovery = recipients.length && !keys.some((k) => k.recipient === recipients[0]) ? recipients[0]! : null;
    return c.json({
      recipients,
      keyset,
      recovery: recovery ? { recipient: recovery, fingerprint: await fingerprint(recovery) } : null,
      keys,
    });
  });

  /**
   * The public half of a key pair made in this officer's browser (the private half stays there). Requests filed from
   * now on are sealed for it too; older ones once an officer or the recovery key has re-wrapped them. A new reader is
   * a sensitive change: the passkey is asked again.
   */
  app.post('/keys', signedIn, confirmed, async (c) => {
    const body = await bodyOf(c, officerBodies.addKey);
    if (!body) return refuse(c, 400, 'malformed');
    const mine = (await access.listOfficerKeys()).filter((k) => k.officerId === c.var.officer.id && !k.revokedAt);
    if (mine.length >= 5) return refuse(c, 409, 'too-many-keys');
    const print = await fingerprint(body.recipient);
    const at = now().toISOString();
    const done = await access.addOfficerKey(
      { fingerprint: print, officerId: c.var.officer.id, recipient: body.recipient, createdAt: at },
      audit('keys:add', c.var.officer.name, print),
    );
    return done ? c.json({ fingerprint: print }, 201) : refuse(c, 409, 'key-exists');
  });

  /** A page of requests not sealed for today's readers, for this officer's browser to re-wrap. */
  app.get('/reseal', signedIn, async (c) => {
    const query = officerBodies.resealQuery.safeParse(c.req.query());
    if (!query.success) return refuse(c, 400, 'malformed');
    const { recipients, keyset } = await kit.recipients();
    return c.json({ recipients, keyset, ...(await deps.store.pageToReseal(keyset, query.data.after, 50)) });
  });

  /**
   * Re-wrapped requests, each written only if still sealed as read; refused whole if today's readers changed since
   * the page was read (the browser starts again), or if any seal is not for exactly today's number of readers.
   */
  app.post('/reseal', signedIn, async (c) => {
    const body = await bodyOf(c, officerBodies.reseal);
    if (!body) return refuse(c, 400, 'malformed');
    const { recipients, keyset } = await kit.recipients();
    if (body.keyset !== keyset) return refuse(c, 409, 'readers-changed');
    if (!body.items.every((item) => resealLooksRight(item, recipients.length))) return refuse(c, 400, 'malformed');
    const written = await deps.store.resealRequests(body.items, keyset, audit('keys:rewrap', c.var.officer.name));
    return c.json({ written });
  });

  /** One request, still sealed, with its history (notes sealed too) and where it may go next. */
  app.get('/requests/:reference', signedIn, async (c) => {
    const request = await deps.store.getRequest(c.req.param('reference'));
    if (!request) return c.json({ error: 'not-found' }, 404);
    return c.json({
      ...listed(request),
      sealed: request.sealed,
      keyset: request.keyset,
      /** The notes its history names, sealed like the request. */
      notes: (await deps.store.listNotes(request.reference)).map(({ id, sealed }) => ({ id, sealed })),
      /** One piece of identity verification (never a condition for the request to count). */
      emailConfirmedAt: await deps.store.emailConfirmedAt(request.reference),
      next: TRANSITIONS[request.status],
      history: await deps.store.listAudit(request.reference),
    });
  });

  app.post('/requests/:reference/status', signedIn, async (c) => {
    const body = await bodyOf(c, officerBodies.status);
    const readers = (await kit.recipients()).recipients.length;
    if (!body || (body.note !== null && !isSealed(body.note.sealed, readers))) return refuse(c, 400, 'malformed');
    try {
      return c.json(
        await applyStatus(deps.store, {
          reference: c.req.param('reference'),
          status: body.status,
          from: body.from,
          note: body.note,
          operator: c.var.officer.name,
          now: now(),
          notify: body.notify,
          mail: deps.mail,
        }).then((done) => {
          if (body.notify && deps.mail) deps.onQueued?.(c);
          return { ...done, notified: !!(body.notify && deps.mail) };
        }),
      );
    } catch (error) {
      if (error instanceof OfficerError)
        return c.json({ error: error.kind, message: error.message }, error.kind === 'not-found' ? 404 : 409);
      throw error;
    }
  });

  /** The export itself is made in the browser from the decrypted request; the server records that it was made. */
  app.post('/requests/:reference/exported', signedIn, confirmed, async (c) => {
    const body = await bodyOf(c, officerBodies.exported);
    const reference = c.req.param('reference');
    if (!body || !(await deps.store.getRequest(reference))) return refuse(c, 400, 'malformed');
    await deps.store.appendAudit({
      at: now().toISOString(),
      reference,
      action: `export:${body.format}`,
      operator: c.var.officer.name,
      detail: null,
    });
    return c.body(null, 204);
  });

  /** The audit log: who did what and when; notes stay sealed (the browser opens them with the request). */
  app.get('/audit', signedIn, async (c) => c.json(await deps.store.listAudit()));

  /** Requests closed long enough to be deleted (policy §10): deleted only when the officer confirms them by name. */
  app.get('/retention', signedIn, async (c) => {
    const years = deps.retentionYears ?? DEFAULT_RETENTION_YEARS;
    const eligible = (await deps.store.listRequests()).filter((r) => purgeable(r, now(), years));
    return c.json({ years, eligible: eligible.map(listed) });
  });
  app.post('/purge', signedIn, confirmed, async (c) => {
    const body = await bodyOf(c, officerBodies.purge);
    if (!body) return refuse(c, 400, 'malformed');
    try {
      const deleted = await purge(deps.store, {
        now: now(),
        retentionYears: deps.retentionYears ?? DEFAULT_RETENTION_YEARS,
        operator: c.var.officer.name,
        references: body.references,
      });
      return c.json({ deleted });
    } catch (error) {
      if (error instanceof OfficerError) return refuse(c, 409, 'retention');
      throw error;
    }
  });

  /** Decisions per week and categories accepted: counts only. */
  app.get('/consents', signedIn, async (c) => c.json(consentOverview(await deps.store.listConsentReceipts())));

  /** Messages not delivered yet, or given up: what, about which request, how many tries, why (never an address). */
  app.get('/outbox', signedIn, async (c) => c.json(await deps.store.listUndelivered()));

  app.post('/outbox/:id/retry', signedIn, async (c) => {
    const id = c.req.param('id');
    const at = now().toISOString();
    const done = await deps.store.retryMessage(id, at, audit('mail:retry', c.var.officer.name, id));
    if (done) deps.onQueued?.(c);
    return done ? c.body(null, 204) : refuse(c, 409, 'not-failed');
  });

  /** The officers, for inviting and revoking: names and dates only. */
  app.get('/officers', signedIn, async (c) =>
    c.json((await access.listOfficers()).map((o) => ({ ...o, self: o.id === c.var.officer.id }))),
  );

  app.post('/invitations', signedIn, confirmed, async (c) => {
    const body = await bodyOf(c, officerBodies.invite);
    if (!body) return refuse(c, 400, 'name');
    const code = await createInvitation(access, body.name, c.var.officer.name, now());
    return c.json({ code }, 201);
  });

  app.post('/officers/:id/revoke', signedIn, confirmed, async (c) => {
    const target = await access.getOfficer(c.req.param('id'));
    if (!target) return refuse(c, 400, 'officer');
    const done = await access.revokeOfficer(
      target.id,
      now().toISOString(),
      audit('officer:revoke', c.var.officer.name, target.name),
    );
    if (done) return c.body(null, 204);
    // Already revoked, or the last active officer: after them, nobody could sign in again.
    return refuse(c, 409, (await access.getOfficer(target.id))?.revokedAt ? 'officer' : 'last-officer');
  });

  return app;
}
