// The requester's view of a request: GET /api/requests/:reference/status and the status pages, one rate limit for both.
import { type Context, Hono } from 'hono';
import type { Env, StatusView, Toolkit } from '../http.ts';
import { REQUEST_PAGES } from '../../shared/addresses.ts';
import { REFERENCE } from '../reference.ts';
import { sha256 } from '../../shared/seal.ts';

export function statusRoutes(kit: Toolkit) {
  const { deps, limits, problem } = kit;
  const app = new Hono<Env>();

  async function statusOf(c: Context<Env>): Promise<StatusView | null> {
    const reference = c.req.query('ref') ?? c.req.param('reference') ?? '';
    const token = c.req.query('token') ?? '';
    if (!REFERENCE.test(reference) || token.length < 20 || token.length > 100) return null;
    const request = await deps.store.getRequest(reference);
    if (!request || request.tokenHash !== (await sha256(token))) return null;
    return {
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
