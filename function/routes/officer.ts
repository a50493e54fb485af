// The officer's inbox API: its doors (officer-signin.ts), then casework (officer-casework.ts) and access and keys
// (officer-access.ts), each a sub-app behind the same guards. The server stores public keys and hashes only; requests
// leave it sealed, as they arrived.
import { Hono } from 'hono';
import type { AccessStore } from '../store/access.ts';
import type { Toolkit } from '../http/http.ts';
import { accessRoutes } from './officer-access.ts';
import { caseworkRoutes } from './officer-casework.ts';
import { officerDoors, type OfficerEnv, refuse } from './officer-signin.ts';

export { SESSION_IDLE_MS, SESSION_MAX_MS } from './officer-signin.ts';
export { noteShape, officerBodies } from './officer-bodies.ts';

export function officerRoutes(kit: Toolkit, access: AccessStore, rpName: string) {
  const app = new Hono<OfficerEnv>();

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
  // The same body limit as every other route, before anything reads a body, signed in or not; a re-wrap's batch of
  // sealed requests is allowed more.
  const resealLimit = kit.limitBodyTo(1024 * 1024);
  app.use('*', (c, next) => (c.req.path.endsWith('/reseal') ? resealLimit(c, next) : kit.limitBody(c, next)));
  const { app: doors, signedIn, confirmed } = officerDoors(kit, access, rpName);
  // Chained, so that the type of the whole API (its paths, bodies and answers) is the inbox's client's.
  return app
    .route('/', doors)
    .route('/', caseworkRoutes(kit, { signedIn, confirmed }))
    .route('/', accessRoutes(kit, access, { signedIn, confirmed }));
}
