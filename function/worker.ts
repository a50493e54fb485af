// Cloudflare Workers entry: the same function on D1, the site from static assets. The only file that knows Workers.
import { altchaProof } from './altcha.ts';
import { createApp } from './app.ts';
import { REQUEST_PAGES } from '../shared/addresses.ts';
import { pagesFrom } from './pages.ts';
import { importPublicKey } from '../shared/seal.ts';
import { type D1Database, d1AccessStore, d1Counter, d1Store } from './store-d1.ts';

export interface Env {
  DB: D1Database;
  ASSETS: { fetch(request: Request): Promise<Response> };
  /** The officer's public key (JWK), a `wrangler secret`; without it, the one the first officer makes in the inbox. */
  OFFICER_PUBLIC_KEY?: string;
  PORTAL_SECRET: string;
  /** Comma-separated origins allowed to post. */
  PORTAL_ORIGINS: string;
  PORTAL_ALTCHA?: string;
  /** SHA-256 of the officer's admin token (`npm run officer -- token`), a `wrangler secret`. */
  ADMIN_TOKEN_HASH?: string;
  /** The name passkeys are registered under (the portal's name). */
  PORTAL_NAME?: string;
}

let app: ReturnType<typeof createApp> | undefined;
let built: Env | undefined;

async function build(env: Env) {
  const clock = () => new Date();
  // The assets binding ignores the host: any origin names the file.
  const template = async (lang: 'fr' | 'en') =>
    (await env.ASSETS.fetch(new Request(`https://assets.local${REQUEST_PAGES.status[lang]}index.html`))).text();
  // The origins allowed to post are configured, never guessed from the Host header.
  const origins = (env.PORTAL_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  if (!origins.length)
    throw new Error(
      'PORTAL_ORIGINS is not set: list the portal’s origin (and the sites embedding the widget) in wrangler.toml [vars].',
    );
  const created = createApp({
    store: d1Store(env.DB),
    counter: d1Counter(env.DB),
    clock,
    officerKey: env.OFFICER_PUBLIC_KEY ? await importPublicKey(JSON.parse(env.OFFICER_PUBLIC_KEY)) : undefined,
    secret: env.PORTAL_SECRET,
    origins,
    adminTokenHash: env.ADMIN_TOKEN_HASH,
    clientAddress: (c) => c.req.header('CF-Connecting-IP') ?? 'unknown',
    proof: env.PORTAL_ALTCHA === 'off' ? undefined : altchaProof(env.PORTAL_SECRET, clock),
    pages: pagesFrom(template),
    access: d1AccessStore(env.DB),
    rpName: env.PORTAL_NAME ?? 'Portail de confidentialité',
  });
  // Anything the function does not answer is the static site.
  created.notFound((c) => env.ASSETS.fetch(c.req.raw));
  return created;
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    if (!app || built !== env) {
      app = await build(env);
      built = env;
    }
    return app.fetch(request, env, ctx as never);
  },
};
