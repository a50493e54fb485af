// What every route of the function shares: its dependencies, answering a problem in the person's language (a page
// for a browser form or page, JSON otherwise), reading a body strictly, the origin check and the rate limits.
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { networkOf } from './client.ts';
import { strictJson } from './json.ts';
import type { Problem } from './messages.ts';
import { problemText } from './messages.ts';
import { hmac } from '../domain/reference.ts';
import { fingerprint, keysetOf } from '../../shared/crypto/sealed.ts';
import type { FieldErrors } from '../../shared/request.ts';
import type { AccessStore } from '../store/access.ts';
import type { MailSettings } from '../mail/compose.ts';
import type { Counter, Store, StoredRequest } from '../store/contract.ts';

export type Lang = 'fr' | 'en';

export interface ProofOfWork {
  challenge(): Promise<unknown>;
  /** Verifies a solution; returns the signature that identifies it (for replay protection) and its expiry, or null. */
  verify(payload: string): Promise<{ signature: string; expiresAt: number } | null>;
}

export interface StatusView {
  reference: string;
  type: string;
  status: StoredRequest['status'];
  receivedAt: string;
  dueAt: string;
  statusChangedAt: string;
  overdue: boolean;
  /** What brought the person here: a request just filed, one sent again and found already filed, or a later visit. */
  arrival: 'filed' | 'again' | 'visit';
  /**
   * Opened from the e-mail confirmation link: `pending` asks for the click that confirms (a link opened by a mail
   * scanner confirms nothing), `done` thanks, the others say why there is nothing to do.
   */
  confirmation?: { state: 'pending' | 'done' | 'already' | 'expired' | 'unknown'; code: string } | undefined;
}

/** Pages the function fills in from the portal's built templates. */
export interface Pages {
  /** `address`: the reference and key the page was opened with, which the language switch keeps. */
  status(view: StatusView, lang: Lang, address?: { ref: string; token: string }): Promise<string>;
  formErrors(errors: FieldErrors, lang: Lang): Promise<string>;
  /** `filing`: the answer to a form sent, not to a page opened. */
  problem(message: string, lang: Lang, filing?: boolean): Promise<string>;
}

export interface Limits {
  bodyBytes: number;
  /** Requests filed per client network and window. Errors are not counted here. */
  perWindow: number;
  /**
   * Refused submissions (validation, proof of work) per network and window: generous, so typos never lock anyone out.
   */
  invalidPerWindow: number;
  /** Status look-ups, by the page and the API together. */
  statusPerWindow: number;
  /** Consent receipts: one per decision a person makes. */
  receiptsPerWindow: number;
  /** Consent receipts from everywhere together: what a flood from many networks may cost the database. */
  receiptsAllPerWindow: number;
  /** Passkey ceremonies (options and answers, enrolment and sign-in) per client network. */
  signinPerWindow: number;
  /**
   * Passkey ceremonies from everywhere together: what a flood from many networks can cost the database (one row per
   * ceremony, five minutes at most). A few officers sign in a few times a day.
   */
  signinAllPerWindow: number;
  windowSeconds: number;
}

/** One check of /readyz: whether it holds, and the figure it was judged on (minutes, hours, milliseconds). */
export type Check = { ok: boolean } & Record<string, number | boolean | null>;

export interface Readiness {
  /** A write must be done within this (ms); 2,000 by default. */
  writeWithinMs?: number;
  /** The oldest message still being tried may wait this long (minutes) before the outbox is said stuck; 60. */
  pendingMinutes?: number;
  /** Checks only the runtime knows (the Node entry's backups). */
  more?: () => Promise<Record<string, Check>>;
}

export interface Deps {
  store: Store;
  /** Rate-limit counters: in memory for one Node process, in the database for Workers. */
  counter: Counter;
  clock: () => Date;
  /**
   * The organisation's recovery key (an age recipient, `age1…`), kept offline: every request is sealed for it and for
   * every active officer's device key. Without it nothing can be filed (`not-open`).
   */
  recoveryKey?: string | undefined;
  /** Server secret: derives status tokens and keys the hashes of idempotency keys and client networks. */
  secret: string;
  /** Origins allowed to post: the portal and the organisation's sites. Nothing else, whatever the Host header says. */
  origins: string[];
  /** The client's address as the runtime knows it (socket or trusted proxy, CF-Connecting-IP). */
  clientAddress: (c: Context) => string;
  proof?: ProofOfWork | undefined;
  pages?: Pages | undefined;
  limits?: Partial<Limits>;
  /** The officers' passkeys, invitations and sessions; without it the inbox API does not exist. */
  access?: AccessStore | undefined;
  /** The name passkeys are registered under (the portal's name). */
  rpName?: string;
  /** What the messages say of the deployment (links, names, officers); without it, no message is written. */
  mail?: MailSettings | undefined;
  /** After a write that queued messages: Node wakes its delivery loop, Workers deliver with `waitUntil`. */
  onQueued?: ((c: Context) => void) | undefined;
  /** SHA-256 (hex) of the officer's admin bearer token; without it the admin API does not exist. */
  adminTokenHash?: string | undefined;
  /**
   * How long the passkey shown at sign-in (or at the last confirmation) stands for exports, purges, invitations and
   * revocations: 5 minutes by default; 0 asks at every such action.
   */
  confirmMs?: number | undefined;
  /** Closed requests younger than this are never deleted (policy §10); under six years is refused. */
  retentionYears?: number;
  log?: (line: Record<string, unknown>) => void;
  /** What /readyz judges by, beyond its defaults (the Node entry adds its backups). */
  readiness?: Readiness | undefined;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 32 * 1024,
  perWindow: 5,
  invalidPerWindow: 50,
  statusPerWindow: 60,
  receiptsPerWindow: 30,
  receiptsAllPerWindow: 50_000,
  signinPerWindow: 20,
  signinAllPerWindow: 200,
  windowSeconds: 600,
};

export type Env = { Variables: { language: string } };

const STATUS: Record<Problem, ContentfulStatusCode> = {
  origin: 403,
  'too-large': 413,
  'unsupported-media-type': 415,
  malformed: 400,
  'rate-limited': 429,
  'idempotency-mismatch': 422,
  'idempotency-owner': 409,
  busy: 503,
  unavailable: 503,
  'not-open': 503,
  full: 507,
  server: 500,
  'not-found': 404,
  'no-route': 404,
  'receipt.invalid': 400,
};

const FORM = 'application/x-www-form-urlencoded';
/** The media type, lower case, and whether its charset (if any) is UTF-8, the only one the function reads. */
export function mediaType(header: string | undefined): { type: string; utf8: boolean } {
  const [type = '', ...params] = (header ?? '').split(';');
  const charset = params
    .map((p) => p.trim().split('='))
    .find(([name]) => name?.trim().toLowerCase() === 'charset')?.[1]
    ?.trim()
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  return { type: type.trim().toLowerCase(), utf8: charset === undefined || charset === 'utf-8' || charset === 'utf8' };
}

/** A form a browser sent without the page's script, or a page it opened: such a person gets a page, not JSON. */
const wantsPage = (c: Context) =>
  c.req.method === 'GET' ? !c.req.path.startsWith('/api/') : mediaType(c.req.header('Content-Type')).type === FORM;

export const langOf = (c: Context<Env>): Lang => (c.get('language') === 'en' ? 'en' : 'fr');

/** The helpers the routes share, bound to one app's dependencies. */
export function toolkit(deps: Deps) {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };

  /** Answers a problem in the person's language: a page for a browser form or page, JSON otherwise. */
  async function problem(c: Context<Env>, kind: Problem, options: { retryAfter?: number } = {}): Promise<Response> {
    const lang = langOf(c);
    const status = STATUS[kind];
    if (options.retryAfter !== undefined) c.header('Retry-After', String(options.retryAfter));
    const message = problemText(kind, lang, { minutes: Math.max(1, Math.ceil((options.retryAfter ?? 0) / 60)) });
    if (deps.pages && wantsPage(c))
      return c.html(await deps.pages.problem(message, lang, c.req.method === 'POST'), status);
    return c.json({ error: kind, message }, status);
  }

  /**
   * Hono's body limit, asked only when the headers cannot answer: it reads `c.req.raw.body`, which makes the Node
   * adapter build a whole WHATWG Request and stream for every request (a seventh of a consent receipt's time, and a
   * GET's for nothing). A declared length is what that middleware itself trusts (Node's parser holds a body to it).
   */
  const limitBodyTo = (maxSize: number) => {
    const streamed = bodyLimit({ maxSize, onError: (c) => problem(c as Context<Env>, 'too-large') });
    return createMiddleware(async (c, next) => {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
      const length = c.req.header('Content-Length');
      if (length !== undefined && c.req.header('Transfer-Encoding') === undefined)
        return Number.parseInt(length, 10) > maxSize ? problem(c as Context<Env>, 'too-large') : next();
      return streamed(c, next);
    });
  };
  const limitBody = limitBodyTo(limits.bodyBytes);

  /**
   * Browsers send Origin with every POST: refuse any that is not one of ours. The Host header is never a reason to
   * trust an origin (a DNS-rebinding page has Host and Origin agree); "null" (a privacy-minded browser's) is taken only
   * when the browser vouches it is same-origin and the Host it used is one of ours.
   */
  const allowedHosts = new Set(deps.origins.map((o) => URL.parse(o)?.host).filter(Boolean));
  const sameOrigin = createMiddleware<Env>(async (c, next) => {
    const origin = c.req.header('Origin');
    const vouched =
      origin === 'null' &&
      c.req.header('Sec-Fetch-Site') === 'same-origin' &&
      allowedHosts.has(c.req.header('Host') ?? '');
    if (origin !== undefined && !vouched && !deps.origins.includes(origin)) return problem(c, 'origin');
    await next();
    return undefined;
  });

  /**
   * Reads a JSON object or a form, strictly: UTF-8 only (a body in another charset would be stored mangled), bytes
   * that are not valid UTF-8 refused rather than replaced, a form field or a JSON key given twice refused rather than
   * guessed.
   */
  async function readBody(
    c: Context<Env>,
    accepted: readonly ('json' | 'form')[],
  ): Promise<{ form: boolean; body: Record<string, unknown> } | Response> {
    const { type, utf8 } = mediaType(c.req.header('Content-Type'));
    const form = type === FORM;
    if (!utf8 || !((form && accepted.includes('form')) || (type === 'application/json' && accepted.includes('json'))))
      return problem(c, 'unsupported-media-type');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
    } catch {
      return problem(c, 'malformed');
    }
    const body = form ? parseForm(text) : parseJson(text);
    return body ? { form, body } : problem(c, 'malformed');
  }

  // Rate limits: per client network (IPv4 address or IPv6 /64), keyed with the secret so no address is kept.
  // A network's key is the same for every request from it: kept for the 4,096 networks seen last, so that a busy path
  // (receipts) does not wait on the crypto thread for each request. Bounded, like the counters it names.
  const networkKeys = new Map<string, Promise<string>>();
  const clientKey = (c: Context) => {
    const network = networkOf(deps.clientAddress(c));
    let key = networkKeys.get(network);
    if (!key) {
      key = hmac(deps.secret, `client:${network}`).then((h) => h.slice(0, 22));
      networkKeys.set(network, key);
      if (networkKeys.size > 4_096) networkKeys.delete(networkKeys.keys().next().value!);
    }
    return key;
  };
  const windowNow = () => {
    const now = Math.floor(deps.clock().getTime() / 1000);
    const start = now - (now % limits.windowSeconds);
    return { start, retryAfter: start + limits.windowSeconds - now };
  };
  /** Seconds until the bucket has room again, if it is full; nothing is counted. */
  async function full(c: Context, bucket: string, perWindow: number): Promise<number | null> {
    const { start, retryAfter } = windowNow();
    return (await deps.counter.peek(`${bucket}:${await clientKey(c)}`, start)) >= perWindow ? retryAfter : null;
  }
  /**
   * Counts one in the bucket, for the client's network or (`all`) for everyone together: a release function when there
   * was room, or the seconds to wait when there was none.
   */
  async function take(
    c: Context,
    bucket: string,
    perWindow: number,
    scope: 'network' | 'all' = 'network',
  ): Promise<{ release: () => Promise<void> } | { retryAfter: number }> {
    const { start, retryAfter } = windowNow();
    const key = `${bucket}:${scope === 'all' ? 'all' : await clientKey(c)}`;
    const release = () => deps.counter.release(key, start);
    if ((await deps.counter.hit(key, start)) <= perWindow) return { release };
    await release();
    return { retryAfter };
  }

  /**
   * Whom to seal for now, and that set's keyset: the recovery key (recorded in the store the first time, with an audit
   * entry when it changed) and every active officer's device key, read at each filing so that a revocation or a new
   * key counts at once.
   */
  let recorded: Promise<unknown> | undefined;
  const keysets = new Map<string, Promise<string>>();
  async function recipients(): Promise<{ recipients: string[]; keyset: string }> {
    if (deps.recoveryKey) {
      const recovery = deps.recoveryKey;
      recorded ??= fingerprint(recovery).then((print) =>
        deps.store.setRecoveryKey(recovery, deps.clock().toISOString(), {
          at: deps.clock().toISOString(),
          reference: null,
          action: 'keys:recovery',
          operator: 'server',
          detail: print,
        }),
      );
      await recorded.catch((error: unknown) => {
        recorded = undefined;
        throw error;
      });
    }
    const list = await deps.store.recipients();
    const joined = list.join(' ');
    let keyset = keysets.get(joined);
    if (!keyset) {
      if (keysets.size > 16) keysets.clear();
      keyset = keysetOf(list);
      keysets.set(joined, keyset);
    }
    return { recipients: list, keyset: await keyset };
  }

  return {
    deps,
    limits,
    problem,
    limitBody,
    limitBodyTo,
    sameOrigin,
    readBody,
    clientKey,
    full,
    take,
    windowNow,
    recipients,
  };
}

export type Toolkit = ReturnType<typeof toolkit>;

/**
 * A JSON object, or null for anything else (an array, a scalar, bad syntax, a key given twice, nesting deep enough to
 * exhaust the stack).
 */
function parseJson(text: string): Record<string, unknown> | null {
  const value = strictJson(text);
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * `application/x-www-form-urlencoded`, with the WHATWG rules (`+` is a space) but strict where URLSearchParams is
 * lenient: a malformed or non-UTF-8 escape, or a field named twice, makes the whole form unreadable.
 */
export function parseForm(text: string): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    try {
      const [name, value] = (eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)]).map((s) =>
        decodeURIComponent(s.replace(/\+/g, ' ')),
      );
      if (Object.hasOwn(out, name!)) return null;
      out[name!] = value;
    } catch {
      return null;
    }
  }
  return out;
}
