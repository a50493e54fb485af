// Filing a privacy request: POST /api/requests (JSON from the page's script, or a plain form), and the proof-of-work
// challenge. Counted per client network only when filed; sealed for the officers and the recovery key; filed once per
// idempotency key, with its messages (receipt, officers' notices) written in the same transaction, never waiting for a
// mail server.
import { type Context, Hono } from 'hono';
import { type Env, langOf, type Toolkit } from '../http/http.ts';
import { messageFor } from '../../shared/request-messages.ts';
import { REQUEST_PAGES } from '../../shared/addresses.ts';
import { dueDate, hmac, newReference } from '../domain/reference.ts';
import {
  type FieldErrors,
  fromForm,
  type PersonalFields,
  type PrivacyRequest,
  validateRequest,
} from '../../shared/request.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { seal } from '../../shared/crypto/sealed.ts';
import { filedMessages, type MailSettings } from '../mail/compose.ts';
import type { FollowUps } from '../mail/outbox.ts';
import { sealMessages } from '../mail/outbox-key.ts';
import { isReferenceClash, type StoredRequest } from '../store/contract.ts';

type Filing =
  | { outcome: 'filed' | 'again'; request: StoredRequest; token: string }
  /** The key was first used for another request, or by another network: nothing filed, nothing handed out. */
  | { outcome: 'other-request' | 'other-sender' };

/** An idempotency key as the IETF draft allows it here: long enough not to be guessed, short enough to store. */
const KEY = /^[\w-]{16,128}$/;
/** The key the page's script sends as a header, or a form's hidden field carries. */
const givenKey = (c: Context, body: Record<string, unknown>) =>
  c.req.header('Idempotency-Key') ?? (typeof body['idempotencyKey'] === 'string' ? body['idempotencyKey'] : '');

export function requestRoutes(kit: Toolkit) {
  const { deps, limits, problem } = kit;
  const app = new Hono<Env>();

  app.get('/altcha', async (c) => (deps.proof ? c.json(await deps.proof.challenge()) : problem(c, 'no-route')));

  app.post('/requests', kit.sameOrigin, kit.limitBody, async (c) => {
    const read = await kit.readBody(c, ['json', 'form']);
    if (read instanceof Response) return read;
    const { form, body } = read;
    if (body['language'] === 'fr' || body['language'] === 'en') c.set('language', body['language']);
    // Nothing can be sealed before the recovery key is configured (a new installation).
    const readers = await kit.recipients();
    if (!readers.recipients.length) return problem(c, 'not-open');
    const robot = typeof body['website'] === 'string' && body['website'] !== '';
    const input = form ? fromForm(body) : body;
    const { website: _w, altcha: _a, idempotencyKey: _k, ...fields } = input;
    const result = validateRequest(fields);
    // The very same request sent again under its idempotency key (a browser or a proxy resending after a lost answer,
    // with the proof of work it already spent): the first answer, before any limit or proof is looked at (IETF httpapi
    // idempotency-key draft). Without a key, the filing itself finds the same request (see identify).
    if (result.ok && !robot && KEY.test(givenKey(c, body))) {
      const prior = await deps.store.requestByIdempotency((await identify(c, result.request, body)).idempotencyHash);
      if (prior) return answer(c, await judge(c, result.request, body, prior), form, result.request.language);
    }
    // Whoever filed their share in this window learns it before their request is checked, in their language.
    const early = await kit.full(c, 'filed', limits.perWindow);
    if (early !== null) return problem(c, 'rate-limited', { retryAfter: early });

    /** A refusal: the fields to correct, counted apart and generously so that typos never lock anyone out. */
    const invalid = async (errors: FieldErrors) => {
      const counted = await kit.take(c, 'invalid', limits.invalidPerWindow);
      if ('retryAfter' in counted) return problem(c, 'rate-limited', counted);
      const lang = langOf(c);
      // Without JavaScript: a page listing what to correct; the browser's Back keeps what was typed.
      if (form && deps.pages) return c.html(await deps.pages.formErrors(errors, lang), 400);
      const fields = Object.fromEntries(
        Object.entries(errors).map(([field, code]) => [field, { code, message: messageFor(code, lang) }]),
      );
      return c.json({ error: 'validation', fields }, 400);
    };

    // A robot fills the field people cannot see.
    if (robot) return invalid({ form: 'form.invalid' });
    if (!result.ok) return invalid(result.errors);

    // Proof of work needs JavaScript. A plain form post is still welcome, under half the limit.
    const plain = !!deps.proof && form && body['altcha'] === undefined;
    if (deps.proof && !plain) {
      const solution =
        typeof body['altcha'] === 'string' ? await deps.proof.verify(body['altcha']).catch(() => null) : null;
      const now = deps.clock().getTime();
      if (
        !solution ||
        solution.expiresAt < now ||
        !(await deps.store.spendProof(solution.signature, solution.expiresAt, now))
      )
        return invalid({ altcha: 'altcha.required' });
    }
    const taken = [await kit.take(c, 'filed', limits.perWindow)];
    if (plain) taken.push(await kit.take(c, 'filed-plain', Math.max(1, Math.floor(limits.perWindow / 2))));
    const refused = taken.find((t) => 'retryAfter' in t);
    const releaseAll = () => Promise.all(taken.map((t) => ('release' in t ? t.release() : undefined)));
    if (refused) {
      await releaseAll();
      return problem(c, 'rate-limited', refused);
    }

    const filed = await file(c, result.request, body, readers).catch(async (error: unknown) => {
      await releaseAll();
      throw error;
    });
    if (filed.outcome !== 'filed') await releaseAll();
    else if (deps.mail) deps.onQueued?.(c);
    return answer(c, filed, form, result.request.language);
  });

  /** The answer to a filing: the status page (a form) or JSON; the refusals of a key reused by another. */
  function answer(c: Context<Env>, filed: Filing, form: boolean, lang: PrivacyRequest['language']) {
    if (filed.outcome === 'other-request') return problem(c, 'idempotency-mismatch');
    if (filed.outcome === 'other-sender') return problem(c, 'idempotency-owner');
    const { request, token } = filed as Extract<Filing, { token: string }>;
    const statusUrl = `${REQUEST_PAGES.status[lang]}?ref=${request.reference}&token=${token}`;
    const again = filed.outcome === 'again';
    if (form) return c.redirect(`${statusUrl}&${again ? 'again' : 'new'}=1`, 303);
    return c.json(
      {
        reference: request.reference,
        receivedAt: request.receivedAt,
        dueDate: request.dueAt,
        status: request.status,
        statusUrl,
        duplicate: again,
      },
      again ? 200 : 201,
    );
  }

  /**
   * What identifies a filing: the idempotency key (or, without one, the request's content from this network today),
   * the status token it yields, and the keyed hashes that bind the key to its first request and its first sender.
   */
  async function identify(c: Context<Env>, request: PrivacyRequest, body: Record<string, unknown>) {
    const given = givenKey(c, body);
    const client = await kit.clientKey(c);
    const canonical = JSON.stringify(request);
    // Without a key (no JavaScript), the same request from the same network on the same day is the same request.
    const day = deps.clock().toISOString().slice(0, 10);
    const key = KEY.test(given) ? `key:${given}` : `content:${client}:${day}:${canonical}`;
    const [token, payloadHash, ownerHash, idempotencyHash] = await Promise.all([
      hmac(deps.secret, `token:${key}`),
      hmac(deps.secret, `payload:${key}:${canonical}`),
      hmac(deps.secret, `owner:${key}:${client}`),
      sha256(key),
    ]);
    return { token, tokenHash: await sha256(token), payloadHash, ownerHash, idempotencyHash };
  }

  /** A key already used: the same request from the same sender is the first filing again; anything else is refused. */
  async function judge(
    c: Context<Env>,
    request: PrivacyRequest,
    body: Record<string, unknown>,
    row: StoredRequest,
  ): Promise<Filing> {
    const { token, payloadHash, ownerHash } = await identify(c, request, body);
    if (row.payloadHash !== payloadHash) return { outcome: 'other-request' };
    if (row.ownerHash !== ownerHash) return { outcome: 'other-sender' };
    return { outcome: 'again', request: row, token };
  }

  /**
   * Seals, derives the token and files the request, once per idempotency key. The key is bound to the request it
   * first carried and to the network that sent it (IETF httpapi idempotency-key draft): the same key with another
   * request is refused, and the status address goes only to the sender of the first.
   */
  async function file(
    c: Context<Env>,
    request: PrivacyRequest,
    body: Record<string, unknown>,
    readers: { recipients: string[]; keyset: string },
  ): Promise<Filing> {
    const now = deps.clock();
    const { type, holder: _h, acknowledged: _ack, ...personal } = request;
    const { token, tokenHash, payloadHash, ownerHash, idempotencyHash } = await identify(c, request, body);
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
        payloadHash,
        ownerHash,
        sealed: await seal(personal satisfies PersonalFields, readers.recipients, reference),
        keyset: readers.keyset,
      };
      try {
        const { inserted, request: row } = await deps.store.insertRequest(
          stored,
          { at: stored.receivedAt, reference, action: 'received', operator: 'requester', detail: type },
          deps.mail ? await filingMail(deps.mail, stored, request, token) : undefined,
        );
        if (inserted) return { outcome: 'filed', request: row, token };
        return judge(c, request, body, row);
      } catch (error) {
        // A reference drawn twice (one chance in 10^11): draw again. Anything else is the store's to explain.
        if (!isReferenceClash(error) || attempt >= 3) throw error;
      }
    }
  }

  return app;
}

/**
 * The receipt to the requester (with the status and confirmation links, kept sealed for the outbox's key until it
 * leaves) and the officers' notices.
 */
async function filingMail(
  settings: MailSettings,
  stored: StoredRequest,
  request: PrivacyRequest,
  token: string,
): Promise<FollowUps> {
  const messages = filedMessages(settings, stored.reference, request.email, {
    type: stored.type,
    receivedAt: stored.receivedAt,
    dueAt: stored.dueAt,
    lang: request.language,
    statusPath: `${REQUEST_PAGES.status[request.language]}?ref=${stored.reference}&token=${token}`,
  });
  return { messages: await sealMessages(messages, settings.sealFor) };
}
