// The privacy-request function: one Web-standard Hono app. Storage, clock, keys and the client's address come in
// as arguments; function/node.ts and function/worker.ts are the only files that know their runtime.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { messageFor } from './messages.ts';
import { REQUEST_PAGES } from './pages.ts';
import { dueDate, hmac, newReference, REFERENCE } from './reference.ts';
import { DEFAULT_RETENTION_YEARS, purgeable, TRANSITIONS } from './officer.ts';
import { CLOSED, type FieldErrors, fromForm, type PersonalFields, type PrivacyRequest, STATUSES, type Status, validateRequest } from './schema.ts';
import { seal, sha256 } from './seal.ts';
import type { Store, StoredRequest } from './store.ts';

export interface ProofOfWork {
  challenge(): Promise<unknown>;
  /** Verifies a solution; returns the signature that identifies it (for replay protection) and its expiry, or null. */
  verify(payload: string): Promise<{ signature: string; expiresAt: number } | null>;
}

export interface Deps {
  store: Store;
  clock: () => Date;
  /** The privacy officer's public key: personal fields are sealed to it. */
  officerKey: CryptoKey;
  /** Server secret: derives status tokens and salts client-address hashes. */
  secret: string;
  /** Origins allowed to post (the portal and the organisation's sites). */
  origins: string[];
  /** How the runtime tells the client's address. */
  clientAddress: (c: Context) => string;
  proof?: ProofOfWork | undefined;
  /** Pages the function fills in: the requester's status, and the errors of a form sent without JavaScript. */
  pages?: { status(view: StatusView, lang: 'fr' | 'en'): Promise<string>; formErrors(errors: FieldErrors, lang: 'fr' | 'en'): Promise<string> } | undefined;
  limits?: Partial<Limits>;
  /** SHA-256 (hex) of the officer's admin bearer token; without it the admin API does not exist. */
  adminTokenHash?: string | undefined;
  /** Closed requests younger than this are never deleted (policy §10). */
  retentionYears?: number;
  log?: (line: Record<string, unknown>) => void;
}

export interface Limits {
  bodyBytes: number;
  /** Requests per client address and window. */
  perWindow: number;
  windowSeconds: number;
}

export interface StatusView {
  reference: string;
  type: string;
  status: StoredRequest['status'];
  receivedAt: string;
  dueAt: string;
  statusChangedAt: string;
  overdue: boolean;
  justFiled: boolean;
}

const DEFAULT_LIMITS: Limits = { bodyBytes: 32 * 1024, perWindow: 5, windowSeconds: 600 };

type Lang = 'fr' | 'en';
const langOf = (value: unknown, header: string | undefined): Lang => (value === 'en' || value === 'fr' ? value : header?.toLowerCase().startsWith('en') ? 'en' : 'fr');

export function createApp(deps: Deps) {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));
  const app = new Hono();

  // No personal data in logs: method, route, status and time only.
  app.use('*', async (c, next) => {
    const start = Date.now();
    await next();
    log({ at: deps.clock().toISOString(), method: c.req.method, path: routePath(c), status: c.res.status, ms: Date.now() - start });
  });
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-site' }));
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    cors({ origin: (origin) => (deps.origins.includes(origin) ? origin : null), allowMethods: ['GET', 'POST'], allowHeaders: ['Content-Type', 'Idempotency-Key'], maxAge: 600 }),
  );

  /** Browsers send Origin on every cross-site and form POST: refuse any that is not ours. */
  const sameOrigin = createMiddleware(async (c, next) => {
    const origin = c.req.header('Origin');
    // A privacy-minded referrer policy can make a browser send "null"; Sec-Fetch-Site still says where the post came from.
    const vouched = origin === 'null' && c.req.header('Sec-Fetch-Site') === 'same-origin';
    if (origin && !vouched && !deps.origins.includes(origin) && origin !== new URL(c.req.url).origin) return c.json({ error: 'origin', message: 'Origin not allowed' }, 403);
    await next();
    return undefined;
  });
  const limitBody = bodyLimit({ maxSize: limits.bodyBytes, onError: (c) => c.json({ error: 'too-large', message: `Body larger than ${limits.bodyBytes} bytes` }, 413) });

  // Once per request: both the rate limit and the duplicate check of a keyless request need it.
  const clientHashes = new WeakMap<Request, Promise<string>>();
  const clientHash = (c: Context) => {
    let hash = clientHashes.get(c.req.raw);
    if (!hash) {
      hash = sha256(`${deps.secret}:client:${deps.clientAddress(c)}`);
      clientHashes.set(c.req.raw, hash);
    }
    return hash;
  };
  const rateLimited = async (c: Context, bucket: string, perWindow = limits.perWindow) => {
    const now = Math.floor(deps.clock().getTime() / 1000);
    const windowStart = now - (now % limits.windowSeconds);
    const hits = await deps.store.hit(`${bucket}:${await clientHash(c)}`, windowStart);
    if (hits <= perWindow) return null;
    c.header('Retry-After', String(windowStart + limits.windowSeconds - now));
    return c.json({ error: 'rate-limited', message: 'Too many requests; try again later' }, 429);
  };

  app.get('/api/altcha', async (c) => (deps.proof ? c.json(await deps.proof.challenge()) : c.json({ error: 'disabled' }, 404)));

  app.post('/api/requests', sameOrigin, limitBody, async (c) => {
    const type = c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    const isForm = type === 'application/x-www-form-urlencoded';
    if (type !== 'application/json' && !isForm) return c.json({ error: 'unsupported-media-type', message: 'Send application/json or a form' }, 415);
    const limited = await rateLimited(c, 'request');
    if (limited) return limited;

    let body: Record<string, unknown>;
    try {
      const parsed = isForm ? Object.fromEntries(new URLSearchParams(await c.req.text())) : ((await c.req.json()) as unknown);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      body = parsed as Record<string, unknown>;
    } catch {
      return c.json({ error: 'malformed', message: isForm ? 'The form could not be read' : 'The body is not a JSON object' }, 400);
    }
    const lang = langOf(body['language'], c.req.header('Accept-Language'));
    const invalid = async (errors: FieldErrors) => {
      // Without JavaScript: a page listing what to correct; the browser's Back keeps what was typed.
      if (isForm && deps.pages) return c.html(await deps.pages.formErrors(errors, lang), 400);
      const fields = Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, { code, message: messageFor(code, lang) }]));
      return c.json({ error: 'validation', fields }, 400);
    };

    // A robot fills the field people cannot see.
    if (typeof body['website'] === 'string' && body['website'] !== '') return invalid({ form: 'form.invalid' });
    if (deps.proof && isForm && body['altcha'] === undefined) {
      // Proof of work needs JavaScript. A plain form post is still welcome, under a tighter limit.
      const limitedForm = await rateLimited(c, 'form-without-script', Math.max(1, Math.floor(limits.perWindow / 2)));
      if (limitedForm) return limitedForm;
    } else if (deps.proof) {
      const solution = typeof body['altcha'] === 'string' ? await deps.proof.verify(body['altcha']).catch(() => null) : null;
      const now = deps.clock().getTime();
      if (!solution || solution.expiresAt < now || !(await deps.store.spendProof(solution.signature, solution.expiresAt, now))) return invalid({ altcha: 'altcha.required' });
    }
    const input = isForm ? fromForm(body) : body;
    const { website: _w, altcha: _a, idempotencyKey: _k, ...fields } = input;
    const result = validateRequest(fields);
    if (!result.ok) return invalid(result.errors);

    const filed = await file(result.request, c, body);
    const statusUrl = `${REQUEST_PAGES.status[result.request.language]}?ref=${filed.request.reference}&token=${filed.token}`;
    if (isForm) return c.redirect(`${statusUrl}&new=1`, 303);
    return c.json(
      {
        reference: filed.request.reference,
        receivedAt: filed.request.receivedAt,
        dueDate: filed.request.dueAt,
        status: filed.request.status,
        statusUrl,
        duplicate: !filed.inserted,
      },
      filed.inserted ? 201 : 200,
    );
  });

  /** Seals, derives the token and files the request, once per idempotency key. */
  async function file(request: PrivacyRequest, c: Context, body: Record<string, unknown>) {
    const now = deps.clock();
    const given = c.req.header('Idempotency-Key') ?? (typeof body['idempotencyKey'] === 'string' ? body['idempotencyKey'] : '');
    // Without a key (no JavaScript), the same request from the same address on the same day is the same request.
    const key = /^[\w-]{16,128}$/.test(given) ? `key:${given}` : `content:${await clientHash(c)}:${now.toISOString().slice(0, 10)}:${JSON.stringify(request)}`;
    const token = await hmac(deps.secret, `token:${key}`);
    const { type, holder: _h, acknowledged: _ack, ...personal } = request;
    const [tokenHash, idempotencyHash] = await Promise.all([sha256(token), sha256(key)]);
    for (let attempt = 0; ; attempt++) {
      const reference = newReference(now);
      const stored: StoredRequest = {
        reference,
        type,
        receivedAt: now.toISOString(),
        dueAt: dueDate(now).toISOString(),
        status: 'received',
        statusChangedAt: now.toISOString(),
        closedAt: null,
        tokenHash,
        idempotencyHash,
        sealed: await seal(personal satisfies PersonalFields, deps.officerKey, reference),
      };
      try {
        const result = await deps.store.insertRequest(stored, { at: stored.receivedAt, reference, action: 'received', operator: 'requester', detail: type });
        return { ...result, token };
      } catch (error) {
        // A reference drawn twice (one chance in 10^11): draw again.
        if (attempt >= 3) throw error;
      }
    }
  }

  async function statusOf(c: Context): Promise<{ request: StoredRequest; view: StatusView } | null> {
    const reference = c.req.query('ref') ?? c.req.param('reference') ?? '';
    const token = c.req.query('token') ?? '';
    if (!REFERENCE.test(reference) || token.length < 20 || token.length > 100) return null;
    const request = await deps.store.getRequest(reference);
    if (!request || request.tokenHash !== (await sha256(token))) return null;
    const closed = request.closedAt !== null;
    return {
      request,
      view: {
        reference,
        type: request.type,
        status: request.status,
        receivedAt: request.receivedAt,
        dueAt: request.dueAt,
        statusChangedAt: request.statusChangedAt,
        overdue: !closed && deps.clock().toISOString() > request.dueAt,
        justFiled: c.req.query('new') === '1',
      },
    };
  }

  app.get('/api/requests/:reference/status', async (c) => {
    const limited = await rateLimited(c, 'status');
    if (limited) return limited;
    const found = await statusOf(c);
    return found ? c.json(found.view) : c.json({ error: 'not-found', message: 'No request with this reference and token' }, 404);
  });

  for (const lang of ['fr', 'en'] as const) {
    app.get(REQUEST_PAGES.status[lang], async (c, next) => {
      if (!c.req.query('ref') || !deps.pages) return next();
      const found = await statusOf(c);
      if (!found) return next();
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      return c.html(await deps.pages.status(found.view, lang));
    });
  }

  app.post('/api/consent-receipts', limitBody, async (c) => {
    if (c.req.header('Content-Type')?.split(';')[0]?.trim() !== 'application/json') return c.json({ error: 'unsupported-media-type' }, 415);
    const limited = await rateLimited(c, 'receipt');
    if (limited) return limited;
    const receipt = await c.req.json().catch(() => null);
    if (!isReceipt(receipt)) return c.json({ error: 'malformed', message: 'Not a consent receipt' }, 400);
    await deps.store.addConsentReceipt(JSON.stringify(receipt), deps.clock().toISOString());
    return c.body(null, 201);
  });

  // The officer's API, for a deployment the CLI cannot open directly (Workers): ciphertext in, ciphertext out.
  const admin = new Hono();
  admin.use('*', async (c, next) => {
    const given = c.req.header('Authorization')?.match(/^Bearer (\S{32,200})$/)?.[1];
    if (!deps.adminTokenHash || !given || !equal(await sha256(given), deps.adminTokenHash)) return c.json({ error: 'unauthorized' }, 401);
    await next();
    return undefined;
  });
  const publicRow = ({ tokenHash: _t, idempotencyHash: _i, ...row }: StoredRequest) => row;
  const operatorOf = (value: unknown) => (typeof value === 'string' && /^[\p{L}\p{N} ._@-]{1,80}$/u.test(value) ? value : null);
  admin.get('/requests', async (c) => c.json((await deps.store.listRequests()).map(publicRow)));
  admin.get('/requests/:reference', async (c) => {
    const row = await deps.store.getRequest(c.req.param('reference'));
    return row ? c.json(publicRow(row)) : c.json({ error: 'not-found' }, 404);
  });
  admin.get('/audit', async (c) => c.json(await deps.store.listAudit(c.req.query('reference') || undefined)));
  admin.post('/requests/:reference/status', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { status?: string; operator?: string; note?: string | null } | null;
    const reference = c.req.param('reference');
    const status = body?.status as Status;
    const operator = operatorOf(body?.operator);
    if (!STATUSES.includes(status) || !operator || (body?.note != null && !/^v1\.[\w.-]{10,20000}$/.test(body.note))) return c.json({ error: 'malformed' }, 400);
    const current = await deps.store.getRequest(reference);
    if (!current) return c.json({ error: 'not-found' }, 404);
    if (!TRANSITIONS[current.status].includes(status)) return c.json({ error: 'transition', message: `${current.status} cannot become ${status}` }, 409);
    const at = deps.clock().toISOString();
    await deps.store.setStatus(reference, status, at, CLOSED.includes(status) ? at : null, { at, reference, action: `status:${status}`, operator, detail: body?.note ?? null });
    return c.json({ reference, status, at });
  });
  admin.post('/audit', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { reference?: string; action?: string; operator?: string } | null;
    const operator = operatorOf(body?.operator);
    if (!body?.reference || !REFERENCE.test(body.reference) || !/^export:(json|csv)$/.test(body.action ?? '') || !operator) return c.json({ error: 'malformed' }, 400);
    await deps.store.appendAudit({ at: deps.clock().toISOString(), reference: body.reference, action: body.action!, operator, detail: null });
    return c.body(null, 201);
  });
  admin.post('/purge', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { references?: unknown; operator?: string } | null;
    const operator = operatorOf(body?.operator);
    const references = Array.isArray(body?.references) ? body.references.filter((r): r is string => typeof r === 'string') : [];
    if (!operator || !references.length) return c.json({ error: 'malformed' }, 400);
    const now = deps.clock();
    const years = deps.retentionYears ?? DEFAULT_RETENTION_YEARS;
    const rows = await Promise.all(references.map((r) => deps.store.getRequest(r)));
    // The server checks the retention period itself: an early deletion is refused whatever the client says.
    const early = references.filter((_, i) => !rows[i] || !purgeable(rows[i]!, now, years));
    if (early.length) return c.json({ error: 'retention', message: `Not deleted: ${early.join(', ')} (open, unknown, or closed less than ${years} years ago)` }, 409);
    const at = now.toISOString();
    const deleted = await deps.store.deleteRequests(
      references,
      rows.map((r) => ({ at, reference: r!.reference, action: 'purged', operator, detail: `closed ${r!.closedAt}` })),
    );
    return c.json({ deleted });
  });
  app.route('/api/admin', admin);

  app.notFound((c) => (c.req.path.startsWith('/api/') ? c.json({ error: 'not-found' }, 404) : c.text('Not found', 404)));
  app.onError((error, c) => {
    log({ at: deps.clock().toISOString(), error: error.name, path: routePath(c) });
    return c.json({ error: 'server', message: 'Something went wrong on our side; nothing was filed' }, 500);
  });
  return app;
}

const RECEIPT_KEYS = ['type', 'version', 'id', 'decidedAt', 'firstDecidedAt', 'site', 'lang', 'policyVersion', 'declarationRevision', 'method', 'gpc', 'choices'];
/** The widget's receipt and nothing else: known keys, bounded values, pseudonymous id. */
function isReceipt(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  if (Object.keys(r).some((k) => !RECEIPT_KEYS.includes(k))) return false;
  const choices = r['choices'] as Record<string, unknown> | null;
  return (
    r['type'] === 'consent-receipt' &&
    r['version'] === 1 &&
    typeof r['id'] === 'string' &&
    /^[a-z0-9]{8,32}$/.test(r['id']) &&
    typeof r['decidedAt'] === 'string' &&
    !Number.isNaN(Date.parse(r['decidedAt'])) &&
    typeof r['site'] === 'string' &&
    r['site'].length <= 253 &&
    typeof r['policyVersion'] === 'string' &&
    /^\d+\.\d+$/.test(r['policyVersion']) &&
    ['accept-all', 'refuse-all', 'custom'].includes(String(r['method'])) &&
    !!choices &&
    typeof choices === 'object' &&
    Object.values(choices).every((v) => typeof v === 'boolean')
  );
}

/** Compares two hex digests in constant time. */
function equal(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
