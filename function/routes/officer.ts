// The officer's inbox API: sign-in with a passkey (WebAuthn, SimpleWebAuthn), one-time invitations, sessions, and the
// list of requests. The server stores public keys and hashes only; requests leave it sealed, as they arrived.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod/mini';
import { type AccessStore, createInvitation, invitationHash, type Officer } from '../access.ts';
import type { Env, Toolkit } from '../http.ts';
import { b64url, fromB64url, importPublicKey, isSealed, sha256 } from '../../shared/seal.ts';
import type { ListedRequest, StoredRequest } from '../store.ts';
import { consentOverview } from '../consent-overview.ts';
import { applyStatus, DEFAULT_RETENTION_YEARS, OfficerError, purge, purgeable, TRANSITIONS } from '../officer.ts';
import { REFERENCE } from '../reference.ts';
import { notifySchema, REQUEST_TYPES, STATUSES } from '../../shared/request.ts';

/** A session ends after 30 minutes without use, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** A WebAuthn ceremony must finish within 5 minutes of its options. */
const CEREMONY_S = 5 * 60;
const SESSION = 'officer_session';
const CEREMONY = 'officer_ceremony';
/** Sign-in attempts per client network and window. */
const SIGNIN_PER_WINDOW = 20;

type OfficerEnv = Env & { Variables: { officer: Officer; sessionHash: string } };

const responseShape = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(1024)),
  type: z.literal('public-key'),
});
export const officerBodies = {
  enrolOptions: z.strictObject({ code: z.string().check(z.minLength(10), z.maxLength(64)) }),
  enrolVerify: z.strictObject({ code: z.string().check(z.minLength(10), z.maxLength(64)), response: responseShape }),
  signinVerify: z.strictObject({ response: responseShape }),
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

/** Where the ceremony runs: the origin of the page (one of the portal's), whose host is the relying party's id. */
function relyingParty(c: Context, origins: readonly string[]) {
  const origin = c.req.header('Origin');
  if (!origin || !origins.includes(origin)) return null;
  return { origin, rpID: new URL(origin).hostname, secure: origin.startsWith('https:') };
}

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
  const refuse = (c: Context, status: 400 | 401 | 403 | 409 | 429, error: string) => c.json({ error }, status);

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

  const cookieOptions = (secure: boolean, maxAge: number) =>
    ({ httpOnly: true, secure, sameSite: 'Strict', path: '/api/officer', maxAge }) as const;

  async function startSession(c: Context, officerId: string, secure: boolean) {
    const id = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const at = now();
    await access.addSession({
      idHash: await sha256(`session:${id}`),
      officerId,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + SESSION_MAX_MS).toISOString(),
      revokedAt: null,
    });
    setCookie(c, SESSION, id, cookieOptions(secure, SESSION_MAX_MS / 1000));
  }

  type Ceremony = { challenge: string; purpose: 'enrol' | 'signin'; userId?: string; codeHash?: string };
  const saveCeremony = (c: Context, ceremony: Ceremony, secure: boolean) =>
    setSignedCookie(c, CEREMONY, JSON.stringify(ceremony), deps.secret, cookieOptions(secure, CEREMONY_S));
  async function takeCeremony(c: Context, purpose: Ceremony['purpose']): Promise<Ceremony | null> {
    const raw = await getSignedCookie(c, deps.secret, CEREMONY);
    deleteCookie(c, CEREMONY, { path: '/api/officer' });
    if (!raw) return null;
    try {
      const ceremony = JSON.parse(raw) as Ceremony;
      return ceremony.purpose === purpose ? ceremony : null;
    } catch {
      return null;
    }
  }
  const bodyOf = async <T extends z.ZodMiniType>(c: Context, schema: T) => {
    const parsed = schema.safeParse(await c.req.json().catch(() => null));
    return parsed.success ? (parsed.data as z.output<T>) : null;
  };
  const limited = async (c: Context) => {
    const taken = await kit.take(c, 'officer-signin', SIGNIN_PER_WINDOW);
    if ('retryAfter' in taken) {
      c.header('Retry-After', String(taken.retryAfter));
      return refuse(c, 429, 'rate-limited');
    }
    return null;
  };

  /** A usable invitation: unused and unexpired. Every other case looks the same from outside. */
  async function invitation(code: string) {
    const found = await access.getInvitation(await invitationHash(code));
    return found && !found.usedAt && found.expiresAt > now().toISOString() ? found : null;
  }

  app.post('/enrol/options', async (c) => {
    const refused = await limited(c);
    if (refused) return refused;
    const rp = relyingParty(c, deps.origins);
    const body = await bodyOf(c, officerBodies.enrolOptions);
    const found = body && rp ? await invitation(body.code) : null;
    if (!rp || !body || !found) return refuse(c, 400, 'invitation');
    const userId = b64url(crypto.getRandomValues(new Uint8Array(16)));
    const options = await generateRegistrationOptions({
      rpName,
      rpID: rp.rpID,
      userName: found.name,
      userID: new TextEncoder().encode(userId),
      attestationType: 'none',
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
    });
    await saveCeremony(
      c,
      { challenge: options.challenge, purpose: 'enrol', userId, codeHash: found.codeHash },
      rp.secure,
    );
    return c.json(options);
  });

  app.post('/enrol/verify', async (c) => {
    const rp = relyingParty(c, deps.origins);
    const ceremony = await takeCeremony(c, 'enrol');
    const body = await bodyOf(c, officerBodies.enrolVerify);
    const found = body ? await invitation(body.code) : null;
    if (!rp || !ceremony || !body || !found || found.codeHash !== ceremony.codeHash)
      return refuse(c, 400, 'invitation');
    const verification = await verifyRegistrationResponse({
      response: body.response as never,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified || !verification.registrationInfo) return refuse(c, 400, 'passkey');
    const { credential } = verification.registrationInfo;
    const at = now().toISOString();
    const officer = { id: ceremony.userId!, name: found.name, createdAt: at, revokedAt: null };
    const redeemed = await access.redeemInvitation(
      found.codeHash,
      at,
      officer,
      {
        credentialId: credential.id,
        officerId: officer.id,
        publicKey: b64url(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports?.join(',') ?? null,
        createdAt: at,
        lastUsedAt: null,
      },
      audit('officer:enrol', found.name),
    );
    if (!redeemed) return refuse(c, 400, 'invitation');
    await startSession(c, officer.id, rp.secure);
    return c.json({ name: officer.name }, 201);
  });

  app.post('/signin/options', async (c) => {
    const refused = await limited(c);
    if (refused) return refused;
    const rp = relyingParty(c, deps.origins);
    if (!rp) return refuse(c, 403, 'forbidden');
    const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'preferred' });
    await saveCeremony(c, { challenge: options.challenge, purpose: 'signin' }, rp.secure);
    return c.json(options);
  });

  app.post('/signin/verify', async (c) => {
    const rp = relyingParty(c, deps.origins);
    const ceremony = await takeCeremony(c, 'signin');
    const body = await bodyOf(c, officerBodies.signinVerify);
    const passkey = body ? await access.getPasskey(body.response.id) : null;
    const officer = passkey ? await access.getOfficer(passkey.officerId) : null;
    // One answer for every failure: nothing tells a guesser which part was wrong.
    const failed = async () => {
      await deps.store.appendAudit(audit('officer:signin-failed', officer?.name ?? 'unknown'));
      return refuse(c, 401, 'signin');
    };
    if (!rp || !ceremony || !passkey || !officer || officer.revokedAt) return failed();
    const verification = await verifyAuthenticationResponse({
      response: body!.response as never,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: passkey.credentialId,
        publicKey: fromB64url(passkey.publicKey),
        counter: passkey.counter,
      },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) return failed();
    const at = now().toISOString();
    await access.usePasskey(passkey.credentialId, verification.authenticationInfo.newCounter, at);
    await deps.store.appendAudit(audit('officer:signin', officer.name));
    await startSession(c, officer.id, rp.secure);
    return c.json({ name: officer.name });
  });

  /** Everything below needs a live session: unrevoked, used within 30 minutes, begun within 12 hours. */
  const signedIn = createMiddleware<OfficerEnv>(async (c, next) => {
    const id = getCookie(c, SESSION);
    const idHash = id ? await sha256(`session:${id}`) : '';
    const session = id ? await access.getSession(idHash) : null;
    const at = now();
    const live =
      session &&
      !session.revokedAt &&
      session.expiresAt > at.toISOString() &&
      at.getTime() - Date.parse(session.lastSeenAt) < SESSION_IDLE_MS;
    const officer = live ? await access.getOfficer(session.officerId) : null;
    if (!officer || officer.revokedAt) {
      deleteCookie(c, SESSION, { path: '/api/officer' });
      return refuse(c, 401, 'signed-out');
    }
    await access.touchSession(idHash, at.toISOString());
    c.set('officer', officer);
    c.set('sessionHash', idHash);
    await next();
    return undefined;
  });

  app.get('/me', signedIn, (c) => c.json({ id: c.var.officer.id, name: c.var.officer.name }));

  app.post('/signout', signedIn, async (c) => {
    await access.revokeSession(c.var.sessionHash, now().toISOString());
    await deps.store.appendAudit(audit('officer:signout', c.var.officer.name));
    deleteCookie(c, SESSION, { path: '/api/officer' });
    return c.body(null, 204);
  });

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
  app.post('/requests/:reference/exported', signedIn, async (c) => {
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
  app.post('/purge', signedIn, async (c) => {
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

  app.post('/invitations', signedIn, async (c) => {
    const body = await bodyOf(c, officerBodies.invite);
    if (!body) return refuse(c, 400, 'name');
    const code = await createInvitation(access, body.name, c.var.officer.name, now());
    return c.json({ code }, 201);
  });

  app.post('/officers/:id/revoke', signedIn, async (c) => {
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
