// Test helpers for the function: an app over a fresh in-memory store, a fixed clock and a new recovery key.
import { readFileSync } from 'node:fs';
import { validRequest } from '../shared/request-fixture.ts';
import { createApp, type Deps } from './http/app.ts';
import { type AccessStore, createInvitation, invitationHash } from './store/access.ts';
import { sha256 } from '../shared/crypto/encoding.ts';
import type { RequestStore, Store } from './store/contract.ts';
import type { MailSettings } from './mail/compose.ts';
import { outboxRecipient } from './mail/outbox-key.ts';
import { pagesFrom } from './http/pages.ts';
import { memoryCounter } from './http/rate-limit.ts';
import { newIdentity } from '../shared/crypto/sealed.ts';
import { openSqliteStore } from './store/sqlite.ts';

export const PORTAL = 'https://portal.test';
/** The status page as Astro builds it, reduced to the slot the function fills in. */
export const TEMPLATE = '<main><div id="request-status" data-slot><p>x</p></div></main>';
export const testPages = pagesFrom(async () => TEMPLATE);

/** The secret every test app runs with, unless it says otherwise. */
export const TEST_SECRET = 'test-secret-not-for-production';

/** Mail settings for a test app: its outbox seals for the key the test secret gives. */
export const testMail = async (over: Partial<MailSettings> = {}, secret = TEST_SECRET): Promise<MailSettings> => ({
  portal: PORTAL,
  organisation: 'CITIM',
  officers: [],
  officerLang: 'fr',
  sealFor: await outboxRecipient(secret),
  ...over,
});

export async function setup(over: Partial<Deps> = {}) {
  // The recovery key: every request is sealed for it, so a test opens what it filed with `keys`.
  const recovery = await newIdentity();
  const store = over.store ?? openSqliteStore(':memory:');
  const clock = { now: new Date('2026-11-23T15:00:00Z') };
  const lines: Record<string, unknown>[] = [];
  const secret = over.secret ?? TEST_SECRET;
  const app = createApp({
    store,
    counter: memoryCounter(),
    clock: () => clock.now,
    recoveryKey: recovery.recipient,
    secret,
    origins: [PORTAL],
    clientAddress: (c) => c.req.header('X-Test-Client') ?? '203.0.113.7',
    log: (line) => lines.push(line),
    ...over,
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.request(`${PORTAL}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PORTAL, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { app, store, clock, recovery, keys: { identities: [recovery.identity] }, post, lines, secret };
}

/** A port no one listens on now, from the system (test files run in parallel: a random pick may collide). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * The Node entry in a child process (as `npm start` runs it), with `env` on top of this process's, on a free port or
 * the one given (a restart on the same address).
 */
export async function startServer(
  env: Record<string, string>,
  given?: number,
  options: { quiet?: boolean; entry?: string[] } = {},
) {
  const { spawn } = await import('node:child_process');
  const port = given ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, options.entry ?? ['function/entries/node.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, NODE_ENV: 'test', PORTAL_REBUILD: 'off', PORT: String(port), ...env },
    // Quiet (the benches): the access log, a line per request, is not kept; warnings and errors still are.
    stdio: ['ignore', options.quiet ? 'ignore' : 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // Up: the first answer on the port. Down: the process ended first (a refusal to start).
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/api/altcha`).then(
      () => true,
      () => false,
    );
    if (up || child.exitCode !== null) break;
    if (i >= 600) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start in 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, base, exited, output: () => output, stop: () => child.kill('SIGKILL') };
}

export { validRequest };

/**
 * A request sealed the former way (format v1, before age), with the test-only key that opens it and the fictitious
 * data it holds: `function/store/fixtures/v1-request.json`.
 */
export const formerRequest = JSON.parse(
  readFileSync(new URL('./store/fixtures/v1-request.json', import.meta.url), 'utf8'),
) as {
  privateKey: JsonWebKey;
  reference: string;
  personal: { name: string } & Record<string, string>;
  sealed: string;
  note: string;
};

/** Files the v1 request as the former seal left it: sealed for the shared key, its note inline in the audit log. */
export async function fileFormerRequest(store: RequestStore, at: string, operator: string): Promise<void> {
  const { reference, sealed, note } = formerRequest;
  await store.insertRequest(
    {
      reference,
      type: 'access',
      receivedAt: at,
      dueAt: new Date(Date.parse(at) + 30 * 86_400_000).toISOString(),
      status: 'received',
      statusChangedAt: at,
      closedAt: null,
      tokenHash: 'former',
      idempotencyHash: `former-${reference}`,
      payloadHash: null,
      ownerHash: null,
      sealed,
      keyset: '',
    },
    { at, reference, action: 'received', operator: 'requester', detail: 'access' },
  );
  await store.setStatus(
    { reference, from: 'received', to: 'identity-verified', at, closedAt: null },
    { at, reference, action: 'status:identity-verified', operator, detail: note },
  );
}

/** A consent receipt the receipts route files, dated for the test clock (setup's 2026-11-23). */
export const validReceipt = {
  type: 'consent-receipt',
  version: 1,
  id: 'abcdefgh1234',
  decidedAt: '2026-11-23T12:00:00.000Z',
  firstDecidedAt: '2026-11-20T08:00:00.000Z',
  site: 'www.citim.test',
  lang: 'fr',
  policyVersion: '1.1',
  declarationRevision: 1,
  method: 'custom',
  gpc: false,
  choices: { necessary: true, preferences: false, statistics: true, advertising: false, social: false },
};

/** The Workers entry bundled as wrangler bundles it (esbuild, the workerd conditions), for Miniflare. */
export async function workerScript(): Promise<string> {
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [new URL('./entries/worker.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['workerd', 'worker', 'browser'],
    external: ['cloudflare:*'],
  });
  return bundle.outputFiles[0]!.text;
}

/**
 * A D1 database in workerd (Miniflare), migrated with the same SQL files as wrangler applies, for the store contract:
 * the real engine, reached from Node through Miniflare's binding.
 */
export async function d1ForTests() {
  const { Miniflare } = await import('miniflare');
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response("") }',
    compatibilityDate: '2026-07-01',
    d1Databases: ['DB'],
  });
  const db = await mf.getD1Database('DB');
  await migrateD1(db);
  return { db: db as unknown as import('./store/d1.ts').D1Database, dispose: () => mf.dispose() };
}

/**
 * The stores a test of the function runs on, each test with a database of its own: node:sqlite (in memory) and D1 (one
 * of the databases of one workerd, started when a D1 test first asks, migrated as wrangler would). Each gives the
 * function's store and the officers' access store over the same database. Call `dispose` after the file.
 */
export function storesForTests(databases = 48) {
  type Both = Store & AccessStore;
  let workerd: Promise<import('miniflare').Miniflare> | undefined;
  let used = 0;
  const d1 = async (): Promise<Both> => {
    const { Miniflare } = await import('miniflare');
    workerd ??= Promise.resolve(
      new Miniflare({
        modules: true,
        script: 'export default { fetch: () => new Response("") }',
        compatibilityDate: '2026-07-01',
        d1Databases: Array.from({ length: databases }, (_, i) => `DB${i}`),
      }),
    );
    if (used >= databases) throw new Error(`storesForTests: more than ${databases} D1 databases asked; ask for more`);
    const db = await (await workerd).getD1Database(`DB${used++}`);
    await migrateD1(db);
    const { d1AccessStore, d1Store } = await import('./store/d1.ts');
    const binding = db as unknown as import('./store/d1.ts').D1Database;
    return { ...d1Store(binding), ...d1AccessStore(binding) };
  };
  const each: [string, () => Promise<Both>][] = [
    ['node:sqlite', async () => openSqliteStore(':memory:')],
    ['D1', d1],
  ];
  return { each, dispose: async () => (await workerd)?.dispose() };
}

/** The migrations wrangler applies, in order, each as one statement stream, recorded where wrangler records them. */
export async function migrateD1(db: { exec(sql: string): Promise<unknown> }) {
  const { readdirSync, readFileSync } = await import('node:fs');
  await db.exec(
    'CREATE TABLE IF NOT EXISTS d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, ' +
      'applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);',
  );
  for (const name of readdirSync(new URL('./store/migrations/', import.meta.url))
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    await db.exec(
      readFileSync(new URL(`./store/migrations/${name}`, import.meta.url), 'utf8')
        .replace(/--.*$/gm, '')
        .replace(/\s+/g, ' '),
    );
    await db.exec(`INSERT INTO d1_migrations (name) VALUES ('${name}');`);
  }
}

let sessions = 0;
/**
 * The inbox API of a test app over `store`: `call` posts as the inbox page does (its header, its origin; `raw` sends a
 * body as it is), and `session` makes an officer with a passkey and a live session directly in the store, as a sign-in
 * would (verified at its start).
 */
export async function officerInbox(store: Store & AccessStore, over: Partial<Deps> = {}) {
  const t = await setup({ store, access: store, rpName: 'Portail', ...over });
  const call = (
    route: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; raw?: string } = {},
  ) =>
    t.app.request(`${PORTAL}/api/officer${route}`, {
      method: init.method ?? 'POST',
      headers: { 'Content-Type': 'application/json', Origin: PORTAL, 'X-Officer': '1', ...init.headers },
      ...(init.raw !== undefined
        ? { body: init.raw }
        : init.body === undefined
          ? {}
          : { body: JSON.stringify(init.body) }),
    });
  const session = async (name = 'Ana') => {
    const at = t.clock.now.toISOString();
    const officer = { id: `id-${name}`, name, createdAt: at, revokedAt: null };
    const code = await createInvitation(store, name, 'cli', t.clock.now);
    await store.redeemInvitation(
      await invitationHash(code),
      at,
      officer,
      {
        credentialId: `cred-${name}`,
        officerId: officer.id,
        publicKey: 'AA',
        counter: 0,
        transports: null,
        createdAt: at,
        lastUsedAt: null,
      },
      { at, reference: null, action: 'officer:enrol', operator: name, detail: null },
    );
    const id = `session-${name}-${sessions++}`;
    const idHash = await sha256(`session:${id}`);
    await store.addSession({
      idHash,
      officerId: officer.id,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(t.clock.now.getTime() + 12 * 3600_000).toISOString(),
      revokedAt: null,
    });
    return { officer, cookie: `officer_session=${id}`, idHash };
  };
  return { ...t, store, call, session };
}

/** Waits until `check` holds, looking every 50 ms, at most `ms`. */
export async function until(check: () => boolean, what: string, ms = 20_000) {
  for (const end = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
}
