// The privacy-request function: one Web-standard Hono app made of sub-apps per concern (function/routes/). Storage,
// counters, clock, keys and the client's address come in as arguments; function/entries/node.ts and
// function/entries/worker.ts are the only files that know their runtime.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { languageDetector } from 'hono/language';
import { routePath } from 'hono/route';
import { type Deps, type Env, toolkit } from './http.ts';
import { headersOnEveryResponse } from './headers.ts';
import { adminRoutes } from '../routes/admin.ts';
import { officerRoutes } from '../routes/officer.ts';
import { receiptRoutes } from '../routes/receipts.ts';
import { healthRoutes } from '../routes/health.ts';
import { requestRoutes } from '../routes/requests.ts';
import { statusRoutes } from '../routes/status.ts';
import { StoreError, storeErrorOf } from '../store/contract.ts';

export type { Deps, Limits, Pages, ProofOfWork, StatusView } from './http.ts';

/** How long to wait before trying again when storage is busy (a lock) or cannot write at all. */
const RETRY_AFTER = { busy: 5, unavailable: 60, full: 300 } as const;

export function createApp(deps: Deps) {
  const kit = toolkit(deps);
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));
  const app = new Hono<Env>();

  // No personal data in logs: method, route, status and time only.
  app.use('*', async (c, next) => {
    const start = Date.now();
    await next();
    log({
      at: deps.clock().toISOString(),
      method: c.req.method,
      path: routePath(c),
      status: c.res.status,
      ms: Date.now() - start,
    });
  });
  app.use('*', headersOnEveryResponse);
  app.use(
    '*',
    languageDetector({ supportedLanguages: ['fr', 'en'], fallbackLanguage: 'fr', order: ['header'], caches: false }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (deps.origins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'Idempotency-Key'],
      maxAge: 600,
    }),
  );

  app.route('/', healthRoutes(kit, deps.readiness));
  app.route('/api', requestRoutes(kit));
  app.route('/', statusRoutes(kit));
  app.route('/api/consent-receipts', receiptRoutes(kit));
  app.route('/api/admin', adminRoutes(kit));
  if (deps.access) app.route('/api/officer', officerRoutes(kit, deps.access, deps.rpName ?? 'Privacy portal'));
  // Whatever else under /api/ is the API's to refuse, in its own words, on every runtime.
  app.all('/api/*', (c) => kit.problem(c, 'no-route'));

  app.onError((raw, c) => {
    if (raw instanceof HTTPException) return raw.getResponse();
    const error = storeErrorOf(raw);
    // The class of error only: a message could quote what was sent.
    if (error instanceof StoreError) {
      log({
        at: deps.clock().toISOString(),
        error: 'store',
        fault: error.fault,
        engine: error.engineCode,
        path: routePath(c),
      });
      return kit.problem(c, error.fault, { retryAfter: RETRY_AFTER[error.fault] });
    }
    log({
      at: deps.clock().toISOString(),
      error: error instanceof Error ? error.name : typeof error,
      path: routePath(c),
    });
    return kit.problem(c, 'server');
  });
  return app;
}
