// The officer's API, for a deployment the CLI cannot open directly (Workers): ciphertext in, ciphertext out.
// Every change goes through the officer's own functions (function/domain/officer.ts), so the rules are the CLI's rules.
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod/mini';
import type { Env, Toolkit } from '../http/http.ts';
import { applyStatus, DEFAULT_RETENTION_YEARS, OfficerError, purge } from '../domain/officer.ts';
import { REFERENCE } from '../domain/reference.ts';
import { recordScan } from '../domain/scans.ts';
import { notifySchema, STATUSES } from '../../shared/request.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { isSealed } from '../../shared/crypto/sealed.ts';
import { resealLooksRight } from '../../shared/sealed-request.ts';
import { noteShape, officerBodies } from './officer-bodies.ts';
import { malformed, refuse } from './officer-signin.ts';
import { jsonBody } from './body.ts';
import { officerProblems } from '../http/messages.ts';
import type { StoredRequest } from '../store/contract.ts';

/** Who acted, as the audit log names them: a name or a login, never free text. */
const operator = z.string().check(z.regex(/^[\p{L}\p{N} ._@-]{1,80}$/u));
const reference = z.string().check(z.regex(REFERENCE));

export const adminBodies = {
  status: z.strictObject({
    status: z.enum(STATUSES),
    /** The status the CLI read: the change is made from it only (compare-and-set). */
    from: z.enum(STATUSES),
    operator,
    /** Sealed by the CLI for today's readers; checked to be a seal so that clear text is never kept. */
    note: z.optional(z.nullable(noteShape)),
    /** The requester's address, decrypted by the CLI, to tell them of the change; kept until the message leaves. */
    notify: z.optional(z.nullable(notifySchema)),
  }),
  audit: z.strictObject({ reference, action: z.enum(['export:json', 'export:csv']), operator }),
  purge: z.strictObject({ references: z.array(reference).check(z.minLength(1), z.maxLength(1_000)), operator }),
  reseal: z.extend(officerBodies.reseal, { operator }),
  /** A scan's summary as `npm run scan` wrote it; recordScan checks it against its schema. */
  scan: z.strictObject({ summary: z.unknown(), operator }),
};

const STATUS_OF_KIND = { 'not-found': 404, transition: 409, conflict: 409, retention: 409, input: 400 } as const;

export function adminRoutes(kit: Toolkit) {
  const { deps } = kit;
  const app = new Hono<Env>();
  // The command line asks in English (store/remote.ts); the token's absence is said before any language is known.
  const unauthorized = { error: 'unauthorized', message: officerProblems.en.unauthorized };
  // The same body limit as every other route, before the token is even looked at; a re-wrap's batch is allowed more.
  const resealLimit = kit.limitBodyTo(1024 * 1024);
  app.use((c, next) => (c.req.path.endsWith('/reseal') ? resealLimit(c, next) : kit.limitBody(c, next)));
  app.use(
    bearerAuth({
      // Only the token’s hash is configured; a timing difference would tell a guesser only about the hash of their
      // guess.
      verifyToken: async (token) => !!deps.adminTokenHash && (await sha256(token)) === deps.adminTokenHash,
      noAuthenticationHeader: { message: unauthorized },
      invalidAuthenticationHeader: { message: unauthorized },
      invalidToken: { message: unauthorized },
    }),
  );
  app.onError((error, c) => {
    if (error instanceof OfficerError)
      return c.json({ error: error.kind, message: error.message }, STATUS_OF_KIND[error.kind]);
    if (error instanceof HTTPException) return error.getResponse();
    throw error;
  });
  const publicRow = ({ tokenHash: _t, idempotencyHash: _i, payloadHash: _p, ownerHash: _o, ...row }: StoredRequest) =>
    row;

  /** Today's readers: the CLI seals notes for them and re-wraps for them. */
  app.get('/recipients', async (c) => c.json((await kit.recipients()).recipients));
  app.get('/notes/:reference', async (c) => c.json(await deps.store.listNotes(c.req.param('reference'))));
  app.get('/reseal', async (c) => {
    const query = officerBodies.resealQuery.safeParse({ after: c.req.query('after') ?? '' });
    const keyset = c.req.query('keyset') ?? '';
    if (!query.success) return refuse(c, 400, 'malformed');
    return c.json(await deps.store.pageToReseal(keyset, query.data.after, 50));
  });
  app.post('/reseal', jsonBody(adminBodies.reseal, malformed), async (c) => {
    const body = c.req.valid('json');
    const { recipients, keyset } = await kit.recipients();
    if (body.keyset !== keyset) return refuse(c, 409, 'readers-changed');
    if (!body.items.every((item) => resealLooksRight(item, recipients.length))) return refuse(c, 400, 'malformed');
    const at = deps.clock().toISOString();
    const audit = { at, reference: null, action: 'keys:rewrap', operator: body.operator, detail: null };
    return c.json({ written: await deps.store.resealRequests(body.items, keyset, audit) });
  });

  app.get('/requests', async (c) => c.json((await deps.store.listRequests()).map(publicRow)));
  app.get('/requests/:reference', async (c) => {
    const row = await deps.store.getRequest(c.req.param('reference'));
    return row ? c.json(publicRow(row)) : refuse(c, 404, 'not-found');
  });
  app.get('/audit', async (c) => c.json(await deps.store.listAudit(c.req.query('reference') || undefined)));

  app.post('/requests/:reference/status', jsonBody(adminBodies.status, malformed), async (c) => {
    const body = c.req.valid('json');
    const readers = (await kit.recipients()).recipients.length;
    if (body.note != null && !isSealed(body.note.sealed, readers)) return refuse(c, 400, 'malformed');
    const done = await applyStatus(deps.store, {
      reference: c.req.param('reference'),
      status: body.status,
      from: body.from,
      note: body.note ?? null,
      operator: body.operator,
      now: deps.clock(),
      notify: body.notify,
      mail: deps.mail,
    });
    if (body.notify && deps.mail) deps.onQueued?.(c);
    return c.json({ ...done, notified: !!(body.notify && deps.mail) });
  });

  app.post('/audit', jsonBody(adminBodies.audit, malformed), async (c) => {
    const body = c.req.valid('json');
    await deps.store.appendAudit({
      at: deps.clock().toISOString(),
      reference: body.reference,
      action: body.action,
      operator: body.operator,
      detail: null,
    });
    return c.body(null, 201);
  });

  app.post('/purge', jsonBody(adminBodies.purge, malformed), async (c) => {
    const body = c.req.valid('json');
    // The server's own clock and retention period decide, whatever the client believes.
    const deleted = await purge(deps.store, {
      now: deps.clock(),
      retentionYears: deps.retentionYears ?? DEFAULT_RETENTION_YEARS,
      operator: body.operator,
      references: [...new Set(body.references)],
    });
    return c.json({ deleted: deleted.length });
  });

  app.post('/scans', jsonBody(adminBodies.scan, malformed), async (c) => {
    const body = c.req.valid('json');
    const summary = await recordScan(deps.store, body.summary, { now: deps.clock(), operator: body.operator });
    return c.json({ finishedAt: summary.finishedAt, counts: summary.counts }, 201);
  });

  return app;
}
