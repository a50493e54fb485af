// The inbox's doors: passkey ceremonies (enrolment with an invitation, sign-in, confirming a sensitive action), kept on
// the server, single use and short-lived; the session they open, and the checks every other officer route stands
// behind.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { bodyOf, takesJson } from './body.ts';
import { createMiddleware } from 'hono/factory';
import * as z from 'zod/mini';
import { type AccessStore, type CeremonyPurpose, invitationHash, type Officer, type Passkey } from '../store/access.ts';
import { type Env, langOf, type Toolkit } from '../http/http.ts';
import { type OfficerProblem, officerProblems } from '../http/messages.ts';
import { b64url, fromB64url, sha256 } from '../../shared/crypto/encoding.ts';

/** A session ends after 30 minutes without use, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** A WebAuthn ceremony must finish within 5 minutes of its options. */
export const CEREMONY_MS = 5 * 60 * 1000;
/** Exports, purges, invitations and revocations ask for the passkey again past 5 minutes since it was last shown. */
export const CONFIRM_MS = 5 * 60 * 1000;
/** A confirmation asked for one action covers that action, once, if it comes within this time. */
const CONFIRMATION_MS = 60 * 1000;
const SESSION = 'officer_session';
const CEREMONY = 'officer_ceremony';
/** Failed ceremonies are counted per hour: one row an hour at most, whatever a flood sends. */
const FAILURE_WINDOW_MS = 60 * 60 * 1000;

/** The doors' guards, for the other officer routes: a live session, and a recent passkey confirmation. */
export interface Guards {
  signedIn: MiddlewareHandler<OfficerEnv>;
  confirmed: MiddlewareHandler<OfficerEnv>;
}

export type OfficerEnv = Env & {
  Variables: { officer: Officer; sessionHash: string; verifiedAt: string | null };
};

const responseShape = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(1024)),
  type: z.literal('public-key'),
});
const code = z.string().check(z.minLength(10), z.maxLength(64));
export const signinBodies = {
  enrolOptions: z.strictObject({ code }),
  enrolVerify: z.strictObject({ code, response: responseShape }),
  /** Sign-in and confirmation: the authenticator's answer. */
  answer: z.strictObject({ response: responseShape }),
};

/** Where the ceremony runs: the origin of the page (one of the portal's), whose host is the relying party's id. */
function relyingParty(c: Context, origins: readonly string[]) {
  const origin = c.req.header('Origin');
  if (!origin || !origins.includes(origin)) return null;
  return { origin, rpID: new URL(origin).hostname, secure: origin.startsWith('https:') };
}

/** An audit entry about the officers' own doings (no request), stamped by the server's clock. */
export const auditBy =
  (clock: () => Date) =>
  (action: string, operator: string, detail: string | null = null) => ({
    at: clock().toISOString(),
    reference: null,
    action,
    operator,
    detail,
  });

/** The refusal of a body that is not what the route takes. */
export const malformed = (c: Context) => refuse(c, 400, 'malformed');

/** A refusal in the shape of every API answer: what kind (for the tool), and why in the officer's language. */
export const refuse = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 429, error: OfficerProblem) =>
  c.json({ error, message: officerProblems[langOf(c as Context<Env>)][error] }, status);

/** The sign-in routes, and the guards (live session, recent confirmation) the other officer routes stand behind. */
export function officerDoors(kit: Toolkit, access: AccessStore, rpName: string) {
  const { deps, limits } = kit;
  const now = () => deps.clock();
  const cookieOptions = (secure: boolean, maxAgeMs: number) =>
    ({ httpOnly: true, secure, sameSite: 'Strict', path: '/api/officer', maxAge: maxAgeMs / 1000 }) as const;

  /** Per network and for everyone together, so that neither one network nor many can flood the ceremonies. */
  const gate = createMiddleware<OfficerEnv>(async (c, next) => {
    for (const scope of ['network', 'all'] as const) {
      const taken = await kit.take(
        c,
        'officer-ceremony',
        scope === 'all' ? limits.signinAllPerWindow : limits.signinPerWindow,
        scope,
      );
      if ('retryAfter' in taken) {
        c.header('Retry-After', String(taken.retryAfter));
        return refuse(c, 429, 'rate-limited');
      }
    }
    await next();
    return undefined;
  });

  /** A failed ceremony adds one to the hour's count: no row per attempt, no detail an attacker chose. */
  const failed = async (c: Context, status: 400 | 401, error: OfficerProblem) => {
    const at = now().getTime();
    await access.countSigninFailure(new Date(at - (at % FAILURE_WINDOW_MS)).toISOString());
    return refuse(c, status, error);
  };

  /** Keeps the ceremony on the server (hashes only) and gives the browser its random id, in a cookie. */
  async function keepCeremony(c: Context, purpose: CeremonyPurpose, challenge: string, data: unknown, secure: boolean) {
    const id = b64url(crypto.getRandomValues(new Uint8Array(32)));
    const at = now();
    await access.addCeremony(
      {
        idHash: await sha256(`ceremony:${id}`),
        purpose,
        challengeHash: await sha256(`challenge:${challenge}`),
        data: data === undefined ? null : JSON.stringify(data),
        expiresAt: new Date(at.getTime() + CEREMONY_MS).toISOString(),
      },
      at.toISOString(),
    );
    setCookie(c, CEREMONY, id, cookieOptions(secure, CEREMONY_MS));
  }
  /**
   * Spends the browser's ceremony, whatever comes of the attempt: an answer is taken once, so a captured one (cookie
   * and authenticator's answer) never opens a session again. Null unless it is of this purpose and unexpired.
   */
  async function spendCeremony(c: Context, purpose: CeremonyPurpose) {
    const id = getCookie(c, CEREMONY);
    deleteCookie(c, CEREMONY, { path: '/api/officer' });
    const ceremony = id ? await access.spendCeremony(await sha256(`ceremony:${id}`)) : null;
    if (!ceremony || ceremony.purpose !== purpose || ceremony.expiresAt <= now().toISOString()) return null;
    return {
      data: ceremony.data ? (JSON.parse(ceremony.data) as Record<string, string>) : {},
      /** The answer must sign the challenge of this ceremony, which the server knows only by its hash. */
      challenge: async (challenge: string) => (await sha256(`challenge:${challenge}`)) === ceremony.challengeHash,
    };
  }

  /** A new session id at every sign-in; the one the browser held before, if any, ends. */
  async function startSession(c: Context, officerId: string, secure: boolean) {
    const at = now();
    const previous = getCookie(c, SESSION);
    if (previous) await access.revokeSession(await sha256(`session:${previous}`), at.toISOString());
    const id = b64url(crypto.getRandomValues(new Uint8Array(32)));
    await access.addSession({
      idHash: await sha256(`session:${id}`),
      officerId,
      createdAt: at.toISOString(),
      lastSeenAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + SESSION_MAX_MS).toISOString(),
      revokedAt: null,
    });
    setCookie(c, SESSION, id, cookieOptions(secure, SESSION_MAX_MS));
  }

  /** A usable invitation: unused and unexpired. Every other case looks the same from outside. */
  async function invitation(given: string) {
    const found = await access.getInvitation(await invitationHash(given));
    return found && !found.usedAt && found.expiresAt > now().toISOString() ? found : null;
  }

  /** Checks an authenticator's answer against a stored passkey; the user must have been verified (PIN, biometric). */
  async function verifyAnswer(
    response: unknown,
    passkey: Passkey,
    rp: { origin: string; rpID: string },
    challenge: (c: string) => Promise<boolean>,
  ) {
    const verification = await verifyAuthenticationResponse({
      response: response as never,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: { id: passkey.credentialId, publicKey: fromB64url(passkey.publicKey), counter: passkey.counter },
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return false;
    await access.usePasskey(passkey.credentialId, verification.authenticationInfo.newCounter, now().toISOString());
    return true;
  }
  const audit = auditBy(deps.clock);

  /** The routes that name it need a live session: unrevoked, used within 30 minutes, begun within 12 hours. */
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
    c.set('verifiedAt', session!.verifiedAt);
    await next();
    return undefined;
  });

  /**
   * A sensitive action (export, purge, invitation, revocation) needs the passkey shown within the last minutes: a
   * session left open on an unattended screen cannot take data out or change who has access. 403 `confirm` tells the
   * inbox to run the confirmation ceremony and try again.
   */
  const confirmed = createMiddleware<OfficerEnv>(async (c, next) => {
    const at = now().getTime();
    const verified = c.var.verifiedAt ? Date.parse(c.var.verifiedAt) : 0;
    // Within the window since the passkey was last shown; or the confirmation just asked for this very action.
    const recent = at - verified <= (deps.confirmMs ?? CONFIRM_MS);
    if (!recent && !(await access.spendConfirmation(c.var.sessionHash, new Date(at - CONFIRMATION_MS).toISOString())))
      return refuse(c, 403, 'confirm');
    await next();
    return undefined;
  });

  const app = new Hono<OfficerEnv>()
    .post('/enrol/options', gate, takesJson<{ code: string }>(), async (c) => {
      const rp = relyingParty(c, deps.origins);
      const body = await bodyOf(c, signinBodies.enrolOptions);
      const found = body && rp ? await invitation(body.code) : null;
      if (!rp || !body || !found) return failed(c, 400, 'invitation');
      const userId = b64url(crypto.getRandomValues(new Uint8Array(16)));
      const options = await generateRegistrationOptions({
        rpName,
        rpID: rp.rpID,
        userName: found.name,
        userID: new TextEncoder().encode(userId),
        attestationType: 'none',
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      await keepCeremony(c, 'enrol', options.challenge, { userId, codeHash: found.codeHash }, rp.secure);
      return c.json(options);
    })

    .post('/enrol/verify', gate, takesJson<{ code: string; response: RegistrationResponseJSON }>(), async (c) => {
      const rp = relyingParty(c, deps.origins);
      const ceremony = await spendCeremony(c, 'enrol');
      const body = await bodyOf(c, signinBodies.enrolVerify);
      const found = body ? await invitation(body.code) : null;
      if (!rp || !ceremony || !body || !found || found.codeHash !== ceremony.data['codeHash'])
        return failed(c, 400, 'invitation');
      const verification = await verifyRegistrationResponse({
        response: body.response as never,
        expectedChallenge: ceremony.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpID,
        requireUserVerification: true,
      }).catch(() => null);
      if (!verification?.verified || !verification.registrationInfo) return failed(c, 400, 'passkey');
      const { credential } = verification.registrationInfo;
      const at = now().toISOString();
      const officer = { id: ceremony.data['userId']!, name: found.name, createdAt: at, revokedAt: null };
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
      if (!redeemed) return failed(c, 400, 'invitation');
      await startSession(c, officer.id, rp.secure);
      return c.json({ name: officer.name }, 201);
    })

    .post('/signin/options', gate, async (c) => {
      const rp = relyingParty(c, deps.origins);
      if (!rp) return refuse(c, 403, 'forbidden');
      const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'required' });
      await keepCeremony(c, 'signin', options.challenge, undefined, rp.secure);
      return c.json(options);
    })

    .post('/signin/verify', gate, takesJson<{ response: AuthenticationResponseJSON }>(), async (c) => {
      const rp = relyingParty(c, deps.origins);
      const ceremony = await spendCeremony(c, 'signin');
      const body = await bodyOf(c, signinBodies.answer);
      const passkey = body ? await access.getPasskey(body.response.id) : null;
      const officer = passkey ? await access.getOfficer(passkey.officerId) : null;
      // One answer for every failure: nothing tells a guesser which part was wrong.
      if (!rp || !ceremony || !passkey || !officer || officer.revokedAt) return failed(c, 401, 'signin');
      if (!(await verifyAnswer(body!.response, passkey, rp, ceremony.challenge))) return failed(c, 401, 'signin');
      await deps.store.appendAudit(audit('officer:signin', officer.name));
      await startSession(c, officer.id, rp.secure);
      return c.json({ name: officer.name });
    })

    .post('/confirm/options', signedIn, gate, async (c) => {
      const rp = relyingParty(c, deps.origins);
      if (!rp) return refuse(c, 403, 'forbidden');
      // This officer's passkeys only: the device may hold others (another officer's, a backup's own passkey).
      const allowCredentials = (await access.passkeysOf(c.var.officer.id)).map((p) => ({
        id: p.credentialId,
        ...(p.transports ? { transports: p.transports.split(',') } : {}),
      }));
      const options = await generateAuthenticationOptions({
        rpID: rp.rpID,
        userVerification: 'required',
        allowCredentials,
      });
      await keepCeremony(c, 'confirm', options.challenge, { session: c.var.sessionHash }, rp.secure);
      return c.json(options);
    })

    .post('/confirm/verify', signedIn, gate, takesJson<{ response: AuthenticationResponseJSON }>(), async (c) => {
      const rp = relyingParty(c, deps.origins);
      const ceremony = await spendCeremony(c, 'confirm');
      const body = await bodyOf(c, signinBodies.answer);
      const passkey = body ? await access.getPasskey(body.response.id) : null;
      // The passkey of the officer of this session, in the ceremony this session began.
      if (
        !rp ||
        !ceremony ||
        ceremony.data['session'] !== c.var.sessionHash ||
        passkey?.officerId !== c.var.officer.id ||
        !(await verifyAnswer(body!.response, passkey, rp, ceremony.challenge))
      )
        return failed(c, 401, 'confirm-failed');
      await access.verifySession(c.var.sessionHash, now().toISOString());
      return c.body(null, 204);
    })

    .get('/me', signedIn, (c) => c.json({ id: c.var.officer.id, name: c.var.officer.name }))
    /**
     * Whether this browser is signed in, as an answer rather than a refusal: the inbox asks it as it opens, and a first
     * visit is no error (no 401 in the console before anyone signs in).
     */
    .get('/session', async (c) => {
      const refused = await signedIn(c, async () => {});
      return c.json(refused ? { signedIn: false } : { signedIn: true, name: c.var.officer.name });
    })

    /**
     * Ends the session; the browser is told to drop the inbox's cookies and cache. Not its storage: the officer's
     * private key lives there, non-extractable, and signing out must not destroy it.
     */
    .post('/signout', signedIn, async (c) => {
      await access.revokeSession(c.var.sessionHash, now().toISOString());
      await deps.store.appendAudit(audit('officer:signout', c.var.officer.name));
      deleteCookie(c, SESSION, { path: '/api/officer' });
      c.header('Clear-Site-Data', '"cache", "cookies"');
      return c.body(null, 204);
    })

    /** Failed ceremonies per hour over the last 30 days: counts only. */
    .get('/signin-failures', signedIn, async (c) => {
      const since = new Date(now().getTime() - 30 * 86_400_000).toISOString();
      return c.json(await access.signinFailures(since));
    });

  return { app, signedIn, confirmed };
}
