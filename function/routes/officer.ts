// The officer's inbox API: its doors (officer-signin.ts), then the list of requests, casework, invitations and access.
// The server stores public keys and hashes only; requests leave it sealed, as they arrived.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { type AccessStore, createInvitation } from '../access.ts';
import type { Toolkit } from '../http.ts';
import { importPublicKey, isSealed, sha256 } from '../../shared/seal.ts';
import type { ListedRequest, StoredRequest } from '../store.ts';
import { consentOverview } from '../consent-overview.ts';
import { applyStatus, DEFAULT_RETENTION_YEARS, OfficerError, purge, purgeable, TRANSITIONS } from '../officer.ts';
import { REFERENCE } from '../reference.ts';
import { notifySchema, REQUEST_TYPES, STATUSES } from '../../shared/request.ts';
import { bodyOf, officerDoors, type OfficerEnv, refuse } from './officer-signin.ts';

export { SESSION_IDLE_MS, SESSION_MAX_MS } from './officer-signin.ts';

export const officerBodies = {
  status: z.strictObject({
    status: z.enum(STATUSES),
    /** The status the page showed: the change is made from it only (compare-and-set, 409 otherwise). */
    from: z.enum(STATUSES),
    /** Sealed in the officer's browser; checked to be a seal so that clear text never lands in the log. */
    note: z.nullable(z.string().check(z.maxLength(20_000))),
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
  /** A P-256 public key and nothing else: a private part (`d`) sent by mistake is refused, never stored. */
  registerKey: z.strictObject({
    publicKey: z.strictObject({
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      x: z.string().check(z.regex(/^[\w-]{43}$/)),
      y: z.string().check(z.regex(/^[\w-]{43}$/)),
      ext: z.optional(z.boolean()),
      key_ops: z.optional(z.array(z.string())),
    }),
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
  // The same body limit as every other route, before anything reads a body, signed in or not.
  app.use('*', kit.limitBody);
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
   * The key requests are sealed to, so the officer's browser can check it holds the matching private key; 404 on a
   * new installation whose first officer has yet to make it.
   */
  app.get('/key', signedIn, async (c) => {
    const key = await kit.sealingKey();
    if (!key) return c.json({ error: 'no-key', canRegister: true }, 404);
    return c.json(await crypto.subtle.exportKey('jwk', key));
  });

  /**
   * The public half of a pair made in the officer's browser (the private half stays there, and in the backup file it
   * downloaded). Once only, and never over a key the administrator configured: replacing the key would let whoever
   * holds a session redirect every later request to a key of their own.
   */
  app.post('/key', signedIn, async (c) => {
    const body = await bodyOf(c, officerBodies.registerKey);
    if (!body) return refuse(c, 400, 'malformed');
    if (await kit.sealingKey()) return refuse(c, 409, 'key-exists');
    const { kty, crv, x, y } = body.publicKey;
    const jwk = { kty, crv, x, y, ext: true };
    // Web Crypto checks that the point is on the curve; a key it refuses would seal nothing.
    if (!(await importPublicKey(jwk).catch(() => null))) return refuse(c, 400, 'malformed');
    const at = now().toISOString();
    const fingerprint = (await sha256(`${x}.${y}`)).slice(0, 16);
    const done = await access.registerKey(
      JSON.stringify(jwk),
      c.var.officer.id,
      at,
      audit('officer:key', c.var.officer.name, fingerprint),
    );
    return done ? c.json({ fingerprint }, 201) : refuse(c, 409, 'key-exists');
  });

  /** One request, still sealed, with its history (notes sealed too) and where it may go next. */
  app.get('/requests/:reference', signedIn, async (c) => {
    const request = await deps.store.getRequest(c.req.param('reference'));
    if (!request) return c.json({ error: 'not-found' }, 404);
    return c.json({
      ...listed(request),
      sealed: request.sealed,
      /** One piece of identity verification (never a condition for the request to count). */
      emailConfirmedAt: await deps.store.emailConfirmedAt(request.reference),
      next: TRANSITIONS[request.status],
      history: await deps.store.listAudit(request.reference),
    });
  });

  app.post('/requests/:reference/status', signedIn, async (c) => {
    const body = await bodyOf(c, officerBodies.status);
    if (!body || (body.note !== null && !(await isSealed(body.note)))) return refuse(c, 400, 'malformed');
    try {
      return c.json(
        await applyStatus(deps.store, {
          reference: c.req.param('reference'),
          status: body.status,
          from: body.from,
          sealedNote: body.note,
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
