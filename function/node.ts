// Node entry: serves the built portal (dist/) and the privacy-request function on one port; `npm start` runs it.
// The only file that knows Node: node:sqlite store, files for keys and templates, the socket's address.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { altchaProof } from './altcha.ts';
import { createApp } from './app.ts';
import { REQUEST_PAGES, renderFormErrors, renderStatus } from './pages.ts';
import { generateOfficerKeys, importPublicKey } from './seal.ts';
import { hardening, languageRedirect } from './site.ts';
import { openSqliteStore } from './store-sqlite.ts';

const env = process.env;
const root = resolve(env['PORTAL_DIST'] ?? 'dist');
const port = Number(env['PORT'] ?? 4321);
const hostname = env['HOST'] ?? '127.0.0.1';
const dataDir = resolve(env['PORTAL_DATA'] ?? 'data');
const production = env['NODE_ENV'] === 'production';
mkdirSync(dataDir, { recursive: true });

/** A value from the environment, or from a file, or (outside production only) one made up and kept in data/. */
function setting(name: string, file: string, make: () => string, warning: string): string {
  if (env[name]) return env[name]!;
  const path = resolve(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  if (production) throw new Error(`${name} is not set (or ${path} missing): refusing to start in production.`);
  const value = make();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, value, { mode: 0o600 });
  console.warn(`[privacy-portal] ${warning} (${path})`);
  return value;
}

let officerPublic = env['OFFICER_PUBLIC_KEY'] ?? (env['OFFICER_PUBLIC_KEY_FILE'] ? readFileSync(env['OFFICER_PUBLIC_KEY_FILE'], 'utf8') : undefined);
if (!officerPublic) {
  const publicPath = resolve(dataDir, 'officer.public.jwk');
  if (!existsSync(publicPath)) {
    if (production) throw new Error('OFFICER_PUBLIC_KEY is not set: generate the pair with `npm run officer -- keygen` and configure the public key.');
    const keys = await generateOfficerKeys();
    writeFileSync(resolve(dataDir, 'officer.private.jwk'), JSON.stringify(keys.privateKey), { mode: 0o600 });
    writeFileSync(publicPath, JSON.stringify(keys.publicKey));
    console.warn(`[privacy-portal] No officer key configured: made a pair for local trial in ${dataDir}. In production the private key never sits on the server.`);
  }
  officerPublic = readFileSync(publicPath, 'utf8');
}
const secret = setting('PORTAL_SECRET', 'secret', () => crypto.randomUUID() + crypto.randomUUID(), 'No PORTAL_SECRET: made one for local trial');
const origins = (env['PORTAL_ORIGINS'] ?? `http://127.0.0.1:${port},http://localhost:${port}`).split(',').map((o) => o.trim());
const store = openSqliteStore(env['PORTAL_DB'] ?? resolve(dataDir, 'portal.db'));
const clock = () => new Date();

const templates = new Map<string, string>();
const template = async (lang: 'fr' | 'en') => {
  const path = resolve(root, `.${REQUEST_PAGES.status[lang]}index.html`);
  if (!templates.has(path)) templates.set(path, await readFile(path, 'utf8'));
  return templates.get(path)!;
};

const api = createApp({
  store,
  clock,
  officerKey: await importPublicKey(JSON.parse(officerPublic)),
  secret,
  origins,
  // Behind a reverse proxy, the client is the first address it forwards.
  clientAddress: (c) => (env['TRUST_PROXY'] === '1' ? c.req.header('X-Forwarded-For')?.split(',')[0]?.trim() : undefined) ?? getConnInfo(c).remote.address ?? 'unknown',
  limits: { perWindow: Number(env['PORTAL_RATE_PER_WINDOW'] ?? 5) },
  proof: env['PORTAL_ALTCHA'] === 'off' ? undefined : altchaProof(secret, clock, Number(env['ALTCHA_COST'] ?? 1_000)),
  pages: {
    status: async (view, lang) => renderStatus(view, lang, await template(lang)),
    formErrors: async (errors, lang) => renderFormErrors(errors, lang, await template(lang)),
  },
});

const app = new Hono();
// For `npm run bench` only: the same durable insert with no validation, sealing or hashing, as the baseline.
if (env['PORTAL_BENCH'] === '1') {
  app.post('/__bench/insert', async (c) => {
    await store.addConsentReceipt(await c.req.text(), clock().toISOString());
    return c.body(null, 201);
  });
}
app.use('*', hardening);
app.use('*', languageRedirect);
app.route('/', api);
app.use('*', serveStatic({ root }));
app.notFound(async (c) => c.html(await readFile(resolve(root, '404.html'), 'utf8').catch(() => 'Not found'), 404));

const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`Privacy portal on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/ (serving ${root})`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    store.close();
    process.exit(0);
  });
}
