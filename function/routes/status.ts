// The requester's view of a request: GET /api/requests/:reference/status and the status pages, one rate limit for both.
import { type Context, Hono } from 'hono';
import type { Env, StatusView, Toolkit } from '../http/http.ts';
import { REQUEST_PAGES } from '../../shared/addresses.ts';
import { REFERENCE } from '../domain/reference.ts';
import type { StoredRequest } from '../store/contract.ts';
import { sameText, sha256 } from '../../shared/crypto/encoding.ts';
import { codeState, type ConfirmOutcome, isConfirmationCode } from '../mail/confirmation.ts';

/** What an unknown reference's token is compared with: a SHA-256 no token has (it is not hex). */
const NO_TOKEN = 'z'.repeat(64);

export function statusRoutes(kit: Toolkit) {
  const { deps, limits, problem } = kit;
  const app = new Hono<Env>();

  async function statusOf(c: Context<Env>): Promise<StatusView | null> {
    const reference = c.req.query('ref') ?? c.req.param('reference') ?? '';
    const token = c.req.query('token') ?? '';
    if (!REFERENCE.test(reference) || token.length < 20 || token.length > 100) return null;
    // The same work for a known reference with a wrong token and for an unknown one: the time of the answer must not
    // tell which references exist.
    const [request, given] = await Promise.all([deps.store.getRequest(reference), sha256(token)]);
    if (!sameText(request?.tokenHash ?? NO_TOKEN, given) || !request) return null;
    const code = c.req.query('confirm');
    return {
      ...(code ? { confirmation: await confirmationOf(request, code, c.req.query('confirmed') === '1') } : {}),
      reference,
      type: request.type,
      status: request.status,
      receivedAt: request.receivedAt,
      dueAt: request.dueAt,
      statusChangedAt: request.statusChangedAt,
      overdue: request.closedAt === null && deps.clock().toISOString() > request.dueAt,
      arrival: c.req.query('new') === '1' ? 'filed' : c.req.query('again') === '1' ? 'again' : 'visit',
    };
  }
  async function confirmationOf(
    request: StoredRequest,
    code: string,
    justDone: boolean,
  ): Promise<NonNullable<StatusView['confirmation']>> {
    const state = (await isConfirmationCode(deps.secret, request.reference, code))
      ? codeState(request.receivedAt, await deps.store.emailConfirmedAt(request.reference), deps.clock())
      : 'unknown';
    return { state: justDone && state === 'already' ? 'done' : state, code };
  }

  /**
   * The click on the confirmation page: spends the code once, before it expires, and says so in the person's language
   * (a page for the plain form, JSON otherwise). The request counts whatever happens here.
   */
  app.post('/api/requests/:reference/confirm', kit.sameOrigin, kit.limitBody, async (c) => {
    const refused = await limited(c);
    if (refused) return refused;
    const read = await kit.readBody(c, ['json', 'form']);
    if (read instanceof Response) return read;
    const { form, body } = read;
    const lang = body['language'] === 'en' ? 'en' : 'fr';
    c.set('language', lang);
    const reference = c.req.param('reference');
    const code = typeof body['code'] === 'string' ? body['code'] : '';
    const token = typeof body['token'] === 'string' ? body['token'] : '';
    if (!REFERENCE.test(reference)) return problem(c, 'not-found');
    const outcome = await confirm(reference, code);
    if (!form) return c.json({ outcome }, outcome === 'unknown' ? 404 : 200);
    // Back on the page, which thanks the person for a code just spent, or says what became of it.
    const address = new URLSearchParams({ ref: reference, token, confirm: code });
    if (outcome === 'confirmed') address.set('confirmed', '1');
    return c.redirect(`${REQUEST_PAGES.status[lang]}?${address}`, 303);
  });

  /** Spends the code: the audit entry is written once (a unique index), so two clicks at once confirm once. */
  async function confirm(reference: string, code: string): Promise<ConfirmOutcome> {
    // Both checked whatever the first says, for the reason given in statusOf.
    const [request, valid] = await Promise.all([
      deps.store.getRequest(reference),
      isConfirmationCode(deps.secret, reference, code),
    ]);
    if (!request || !valid) return 'unknown';
    const now = deps.clock();
    const state = codeState(request.receivedAt, await deps.store.emailConfirmedAt(reference), now);
    if (state !== 'pending') return state;
    const entry = { at: now.toISOString(), reference, action: 'email:confirmed', operator: 'requester', detail: null };
    return (await deps.store.confirmEmail(entry)) ? 'confirmed' : 'already';
  }

  /** Look-ups by page and by API share one bucket: either way is a way to hammer the store. */
  const limited = async (c: Context<Env>) => {
    const taken = await kit.take(c, 'status', limits.statusPerWindow);
    return 'retryAfter' in taken ? problem(c, 'rate-limited', taken) : null;
  };

  app.get('/api/requests/:reference/status', async (c) => {
    const refused = await limited(c);
    if (refused) return refused;
    const view = await statusOf(c);
    return view ? c.json(view) : problem(c, 'not-found');
  });

  for (const lang of ['fr', 'en'] as const) {
    app.get(REQUEST_PAGES.status[lang], async (c, next) => {
      // Without a reference it is the plain page, which says to open the address received; the static site has it.
      if (!c.req.query('ref') || !deps.pages) return next();
      c.set('language', lang);
      c.header('Cache-Control', 'no-store');
      c.header('Referrer-Policy', 'no-referrer');
      const refused = await limited(c);
      if (refused) return refused;
      const view = await statusOf(c);
      if (!view) return next();
      const address = { ref: c.req.query('ref') ?? '', token: c.req.query('token') ?? '' };
      return c.html(await deps.pages.status(view, lang, address));
    });
  }

  return app;
}
