// Node entry: serves the built portal (dist/) and the privacy-request function on one port; `npm start` runs it.
// The only file that knows Node: node:sqlite store, counters in memory, files for keys and templates, the socket.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { altchaProof } from '../http/altcha.ts';
import { createApp } from '../http/app.ts';
import { clientBehindProxies } from '../http/client.ts';
import { DEFAULT_LIMITS } from '../http/http.ts';
import { NOT_FOUND_PAGES, REQUEST_PAGES } from '../../shared/addresses.ts';
import { pagesFrom } from '../http/pages.ts';
import { siteForms } from '../http/site-forms.ts';
import { memoryCounter } from '../http/rate-limit.ts';
import { identityFile, identityIn, isRecipient, newIdentity, recipientOf } from '../../shared/crypto/sealed.ts';
import { fileValidators, hardening, languageRedirect, staticOnly } from '../node/site.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { scheduleBackups } from '../node/backup.ts';
import { chainAudit } from '../domain/audit-chain.ts';
import { applyReceiptRetention, DEFAULT_DISPUTE_YEARS } from '../domain/receipts.ts';
import { scheduleRebuilds } from '../node/rebuild.ts';
import { isEmail } from '../../shared/request.ts';
import { outboxLoop } from '../mail/runner.ts';
import { fileTransport, smtpTransport } from '../mail/smtp.ts';
import { outboxRecipient } from '../mail/outbox-key.ts';
import { limitConnections, serverOptions, tooLongUrl } from '../node/node-limits.ts';
import { logLines } from '../node/log-lines.ts';

/** Stops with one line that says what to do, instead of a stack trace. */
function refuse(message: string): never {
  console.error(`[privacy-portal] ${message}`);
  process.exit(1);
}

// Until the server listens, anything that goes wrong is a setting or the machine: one line, never a stack trace.
let listening = false;
const beforeStart = (error: unknown) => {
  if (listening) {
    console.error(error);
    process.exit(1);
  }
  refuse(`Cannot start: ${(error as Error)?.message ?? String(error)}`.split('\n')[0]!);
};
process.on('uncaughtException', beforeStart);
process.on('unhandledRejection', beforeStart);

const env = process.env;
// Standard output is written synchronously on Linux: answers are logged a few lines at a time (log-lines.ts).
const lines = logLines((text) => process.stdout.write(text));
process.on('exit', lines.flush);

/** A whole number from the environment within bounds, or its default; anything else stops the start, in words. */
function whole(name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    refuse(`${name} must be a whole number from ${min} to ${max}, not "${raw.slice(0, 40)}".`);
  return n;
}

/** An address from the environment, if its scheme is one of `schemes`; anything else stops the start, in words. */
function address(name: string, schemes: string[], example: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!schemes.includes(URL.parse(raw)?.protocol ?? ''))
    refuse(`${name} is not an address like ${example}: "${raw.replace(/\/\/[^@/]*@/, '//…@').slice(0, 60)}".`);
  return raw;
}

const root = resolve(env['PORTAL_DIST'] ?? 'dist');
// Every number read now, used or not by this configuration: a wrong one is said at the first start, not the day it
// comes into use.
const port = whole('PORT', 4321, 0, 65_535);
const altchaCost = whole('ALTCHA_COST', 1_000, 1, 10_000_000);
const smtpTimeoutMs = whole('SMTP_TIMEOUT_MS', 30_000, 1_000, 600_000);
const outboxEveryMs = whole('OUTBOX_EVERY_MS', 15_000, 50, 86_400_000);
const outboxBaseDelayMs = whole('OUTBOX_BASE_DELAY_MS', -1, 0, 86_400_000);
const backupEveryHours = whole('BACKUP_EVERY_HOURS', 24, 1, 720);
const backupKeep = whole('BACKUP_KEEP', 14, 1, 1_000);
const pendingMinutes = whole('READY_PENDING_MINUTES', 60, 1, 10_080);
const disputeYears = whole('RECEIPT_DISPUTE_YEARS', DEFAULT_DISPUTE_YEARS, 1, 10);
const hostname = env['HOST'] ?? '127.0.0.1';
const dataDir = resolve(env['PORTAL_DATA'] ?? 'data');
const production = env['NODE_ENV'] === 'production';
if (!existsSync(resolve(root, '404.html')))
  console.warn(`[privacy-portal] ${root} holds no built portal: only the API answers. Run \`npm run build\`.`);

// Everything this process writes (database, its journal, keys, secret) is for this user alone.
process.umask(0o077);
try {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
} catch (error) {
  refuse(
    `Cannot create the data directory ${dataDir}: ${(error as NodeJS.ErrnoException).code}. ` +
      'Set PORTAL_DATA to a writable place.',
  );
}

/** A value from the environment, or from a file, or (outside production only) one made up and kept in data/. */
function setting(name: string, file: string, make: () => string, warning: string): string {
  if (env[name]) return env[name]!;
  const path = resolve(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  if (production) refuse(`${name} is not set (or ${path} missing): refusing to start in production.`);
  const value = make();
  writeFileSync(path, value, { mode: 0o600, flag: 'wx' });
  console.warn(`[privacy-portal] ${warning} (${path})`);
  return value;
}

/**
 * The organisation's recovery key (public half, `age1…`): configured, or (local trial only) made and kept in data/,
 * whose private half in production never sits on the server. An identity file already there is never overwritten: a
 * new key would leave every earlier request sealed for a key nobody holds.
 */
async function recoveryKey(): Promise<string> {
  const file = env['RECOVERY_PUBLIC_KEY_FILE'];
  if (file && !existsSync(file)) refuse(`RECOVERY_PUBLIC_KEY_FILE names ${file}, which does not exist.`);
  const configured = env['RECOVERY_PUBLIC_KEY'] ?? (file ? readFileSync(file, 'utf8').trim() : undefined);
  if (configured !== undefined) {
    if (!isRecipient(configured))
      refuse(
        `RECOVERY_PUBLIC_KEY is not an age public key (age1…, 62 characters): "${configured.slice(0, 70)}". ` +
          'It is the line `npm run officer -- recovery-key` printed.',
      );
    return configured;
  }
  if (production)
    refuse(
      'RECOVERY_PUBLIC_KEY is not set: make the recovery key with `npm run officer -- recovery-key --out FILE` ' +
        '(on a computer of yours, not the server), keep FILE in a safe, and set RECOVERY_PUBLIC_KEY to the public ' +
        'key it prints.',
    );
  const path = resolve(dataDir, 'recovery.key');
  if (existsSync(path)) {
    const identity = identityIn(readFileSync(path, 'utf8'));
    if (!identity) refuse(`${path} is not an age identity file; nothing was overwritten. Restore it, or move it away.`);
    return recipientOf(identity);
  }
  const made = await newIdentity();
  writeFileSync(path, identityFile(made, new Date()), { mode: 0o600, flag: 'wx' });
  console.warn(
    `[privacy-portal] No RECOVERY_PUBLIC_KEY: made a recovery key for local trial in ${path}. ` +
      'In production its private half never sits on the server.',
  );
  return made.recipient;
}

/** How many reverse proxies stand in front (Express's `trust proxy = n`); 0 when the socket is the client. */
function trustedHops(): number {
  const raw = env['TRUST_PROXY'] ?? '0';
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    refuse(`TRUST_PROXY must be the number of reverse proxies in front of the server (0–10), not "${raw}".`);
  return hops;
}

/** How long a passkey confirmation stands for sensitive actions, in seconds (0–3600; 300 by default). */
function confirmSeconds(): number {
  const raw = env['OFFICER_CONFIRM_SECONDS'] ?? '300';
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 3600)
    refuse(`OFFICER_CONFIRM_SECONDS must be a whole number of seconds from 0 to 3600, not "${raw}".`);
  return seconds;
}

const hops = trustedHops();
const recovery = await recoveryKey();
if (env['OFFICER_PUBLIC_KEY'] || env['OFFICER_PUBLIC_KEY_FILE'])
  console.warn(
    '[privacy-portal] OFFICER_PUBLIC_KEY is no longer used: requests are sealed for each officer’s device key and ' +
      'the recovery key. Requests sealed for it still open with its private key; move them with the inbox or ' +
      '`npm run officer -- rewrap --key FILE`.',
  );
const secret = setting(
  'PORTAL_SECRET',
  'secret',
  () => crypto.randomUUID() + crypto.randomUUID(),
  'No PORTAL_SECRET: made one for local trial',
);
// The origins allowed to post are configured, never guessed from the Host header; a local trial gets its own address.
if (production && !env['PORTAL_ORIGINS'])
  refuse('PORTAL_ORIGINS is not set: list the portal’s origin (and the sites embedding the widget), comma-separated.');
const origins = (env['PORTAL_ORIGINS'] ?? `http://127.0.0.1:${port},http://localhost:${port}`)
  .split(',')
  .map((o) => o.trim());
const notOrigin = origins.find((o) => URL.parse(o)?.origin !== o);
if (notOrigin !== undefined)
  refuse(`PORTAL_ORIGINS has "${notOrigin.slice(0, 60)}", which is not an origin like https://portal.example.org.`);
const dbPath = env['PORTAL_DB'] ?? resolve(dataDir, 'portal.db');
let store: ReturnType<typeof openSqliteStore>;
try {
  store = openSqliteStore(dbPath);
} catch (error) {
  refuse(
    (error as Error).message.startsWith('Cannot open')
      ? (error as Error).message
      : `Cannot open the database ${dbPath}: ${(error as Error).message.replace(/\.$/, '')}.`,
  );
}
// PORTAL_CLOCK_START (tests, never in production): the server's time starts there and runs on, so that a test sees
// the server cross a day, as it would at midnight.
const clockStart = env['PORTAL_CLOCK_START'] ? Date.parse(env['PORTAL_CLOCK_START']) : null;
if (clockStart !== null && (production || Number.isNaN(clockStart)))
  refuse('PORTAL_CLOCK_START is for tests only (a time like 2027-01-14T23:59:50-05:00), never in production.');
const startedAt = Date.now();
const clock = clockStart === null ? () => new Date() : () => new Date(clockStart + Date.now() - startedAt);

const templates = new Map<string, Promise<string>>();
const template = (lang: 'fr' | 'en') => {
  const path = resolve(root, `.${REQUEST_PAGES.status[lang]}index.html`);
  if (!templates.has(path)) templates.set(path, readFile(path, 'utf8'));
  return templates.get(path)!;
};

// E-mail: SMTP in production; for a local trial, .eml files in data/mail/ so that the messages can be read.
const smtpUrl = address('SMTP_URL', ['smtp:', 'smtps:'], 'smtp://user:pass@host:587');
const siteUrl = address('PORTAL_SITE_URL', ['https:', 'http:'], 'https://portal.example.org');
if (production && !smtpUrl)
  refuse('SMTP_URL is not set: requesters and officers must be told of each request (smtp://user:pass@host:587).');
if (production && !env['MAIL_FROM'])
  refuse('MAIL_FROM is not set: the address messages come from, e.g. "CITIM <confidentialite@your-domain>".');
const from = env['MAIL_FROM'] ?? 'Portail de confidentialité (essai) <portail@example.invalid>';
const officers = (env['OFFICER_EMAILS'] ?? '')
  .split(',')
  .map((a) => a.trim())
  .filter(Boolean);
const wrongAddress = officers.find((a) => !isEmail(a));
if (wrongAddress !== undefined) refuse(`OFFICER_EMAILS has "${wrongAddress}", which is not an e-mail address.`);
if (!smtpUrl)
  console.warn(`[privacy-portal] No SMTP_URL: messages are written to ${resolve(dataDir, 'mail')} instead.`);
const mail = {
  portal: (siteUrl ?? origins[0]!).replace(/\/+$/, ''),
  organisation: env['PORTAL_NAME'] ?? 'CITIM',
  officers,
  officerLang: env['OFFICER_LANG'] === 'en' ? ('en' as const) : ('fr' as const),
  sealFor: await outboxRecipient(secret),
};
const transport = smtpUrl
  ? smtpTransport({
      url: smtpUrl,
      from,
      replyTo: env['MAIL_REPLY_TO'],
      timeoutMs: smtpTimeoutMs,
    })
  : fileTransport(resolve(dataDir, 'mail'), from);
// One loop drains this outbox: a lease left by a process that died is ended now, and its message sent again.
await store.releaseLeases();
const outbox = outboxLoop({
  store,
  transport,
  from,
  clock,
  settings: mail,
  secret,
  everyMs: outboxEveryMs,
  delivery: outboxBaseDelayMs >= 0 ? { baseDelayMs: outboxBaseDelayMs } : {},
  onError: (error) =>
    console.error(JSON.stringify({ at: clock().toISOString(), error: 'outbox', kind: (error as Error).name })),
});

// The server's own backups (BACKUP_DIR): a consistent copy every BACKUP_EVERY_HOURS, the last BACKUP_KEEP kept.
const backupDir = env['BACKUP_DIR'] ? resolve(env['BACKUP_DIR']) : null;
let backups: ReturnType<typeof scheduleBackups> | null = null;
if (backupDir) {
  try {
    backups = scheduleBackups({
      store,
      dir: backupDir,
      everyMs: backupEveryHours * 3_600_000,
      keep: backupKeep,
      clock,
      log: lines.log,
    });
  } catch (error) {
    refuse(`Cannot keep backups in BACKUP_DIR ${backupDir}: ${(error as NodeJS.ErrnoException).code ?? error}.`);
  }
}

// The audit log chained as it grows (function/domain/audit-chain.ts): a few seconds behind at most.
const chainLog = () =>
  chainAudit(store).catch((error) =>
    console.error(JSON.stringify({ at: clock().toISOString(), error: 'audit-chain', kind: (error as Error).name })),
  );
await chainLog();
const chainer = setInterval(chainLog, 10_000);
chainer.unref();
// Consent receipts past their purpose deleted by their rule (function/domain/receipts.ts), looked at every hour.
const retention = () =>
  applyReceiptRetention(store, clock(), disputeYears).catch((error) =>
    console.error(JSON.stringify({ at: clock().toISOString(), error: 'retention', kind: (error as Error).name })),
  );
void retention();
setInterval(retention, 3_600_000).unref();

const api = createApp({
  log: lines.log,
  store,
  counter: memoryCounter(),
  clock,
  recoveryKey: recovery,
  secret,
  origins,
  clientAddress: (c) =>
    clientBehindProxies(getConnInfo(c).remote.address ?? 'unknown', c.req.header('X-Forwarded-For'), hops),
  limits: {
    perWindow: whole('PORTAL_RATE_PER_WINDOW', DEFAULT_LIMITS.perWindow, 1, 1_000_000_000),
    statusPerWindow: whole('PORTAL_STATUS_PER_WINDOW', DEFAULT_LIMITS.statusPerWindow, 1, 1_000_000_000),
    receiptsPerWindow: whole('PORTAL_RECEIPTS_PER_WINDOW', DEFAULT_LIMITS.receiptsPerWindow, 1, 1_000_000_000),
    receiptsAllPerWindow: whole(
      'PORTAL_RECEIPTS_ALL_PER_WINDOW',
      DEFAULT_LIMITS.receiptsAllPerWindow,
      1,
      1_000_000_000,
    ),
    signinPerWindow: whole('PORTAL_SIGNIN_PER_WINDOW', DEFAULT_LIMITS.signinPerWindow, 1, 1_000_000),
    signinAllPerWindow: whole('PORTAL_SIGNIN_ALL_PER_WINDOW', DEFAULT_LIMITS.signinAllPerWindow, 1, 1_000_000),
  },
  proof: env['PORTAL_ALTCHA'] === 'off' ? undefined : altchaProof(secret, clock, altchaCost),
  pages: pagesFrom(template),
  access: store,
  confirmMs: confirmSeconds() * 1000,
  rpName: env['PORTAL_NAME'] ?? 'Portail de confidentialité',
  mail,
  onQueued: () => outbox.kick(),
  readiness: {
    pendingMinutes,
    // A backup overdue by more than its period (one missed) makes the server not ready: someone should look.
    more: async () => {
      if (!backups) return {};
      const last = backups.last();
      const hours = last ? Math.floor((clock().getTime() - last.getTime()) / 3_600_000) : null;
      return { backup: { ok: hours !== null && hours < 2 * backupEveryHours, lastHours: hours } };
    },
  },
});

const app = new Hono();
// For `npm run bench` only: a durable write (one row, one commit) with no validation, sealing or hashing, as the
// baseline; the body is read as a filing's is.
if (env['PORTAL_BENCH'] === '1') {
  // A value of its own each time: SQLite does not write a row rewritten as it was (it compares the cell), so the same
  // millisecond's value twice would commit nothing to wait for, and flatter the baseline fourfold.
  let writes = 0;
  app.post('/__bench/insert', async (c) => {
    await c.req.text();
    await store.probeWrite(`${clock().toISOString()} ${writes++}`);
    return c.body(null, 201);
  });
}
// An address longer than the server reads is refused in words (a longer one still, node-limits.ts, before parsing).
app.use('*', async (c, next) =>
  tooLongUrl(c.req.url) ? c.text('Adresse trop longue. / Address too long.\n', 414) : next(),
);
app.use('*', hardening);
// The pages the server makes on request (the status page, a 404, an error page) go out compressed too; the build's
// files already are (their precompressed copies). The API's short answers are left whole: compressing them costs
// more than it saves, and would stream them.
app.use('*', compress({ contentTypeFilter: /^text\/html/ }));
app.use('*', languageRedirect);
app.route('/', api);
app.use('*', staticOnly);
// The compare page's form and the search box, answered without a script (function/http/site-forms.ts): from the
// build on disk, as the Workers entry answers them from its assets.
const forms = siteForms((path) => readFile(join(root, path), 'utf8').catch(() => null));
// The build is made again for the day a document changes (function/node/rebuild.ts); PORTAL_REBUILD=off leaves it to
// the administrator. What was read from the old build is forgotten when the new one is in place.
const rebuilds =
  env['PORTAL_REBUILD'] !== 'off' && existsSync(resolve(import.meta.dirname, '../../node_modules/astro'))
    ? scheduleRebuilds({
        root,
        clock,
        log: lines.log,
        onSwap: () => {
          templates.clear();
          forms.forget();
        },
      })
    : null;
app.route('/', forms.app);
app.use('*', etag());
app.use('*', fileValidators);
// Nothing outside the build, whatever a symbolic link inside it points at: every file the request could be served
// from (the file, its compressed copies, a folder's index) must really lie in the build.
const realRoot = realpathSync(existsSync(root) ? root : '.') + sep;
app.use('*', async (c, next) => {
  let path: string;
  try {
    path = join(root, decodeURIComponent(c.req.path));
  } catch {
    return c.notFound();
  }
  for (const candidate of [path, `${path}.br`, `${path}.gz`, join(path, 'index.html')]) {
    const real = await realpath(candidate).catch(() => null);
    if (real !== null && !`${real}${sep}`.startsWith(realRoot)) return c.notFound();
  }
  return next();
});
// Brotli or gzip copies made at build (function/node/precompress.ts), by Accept-Encoding.
app.use('*', serveStatic({ root, precompressed: true }));
// The unknown address's page in the language its address is in.
app.notFound(async (c) => {
  const page = NOT_FOUND_PAGES[c.req.path.startsWith('/en/') ? 'en' : 'fr'];
  return c.html(await readFile(join(root, page), 'utf8').catch(() => 'Page introuvable. / Page not found.'), 404);
});

const server = serve({ fetch: app.fetch, port, hostname, serverOptions: serverOptions() }, (info) => {
  listening = true;
  console.log(
    `Privacy portal on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/ (serving ${root})`,
  );
});
limitConnections(server as import('node:http').Server);
server.on('error', (error: NodeJS.ErrnoException) =>
  refuse(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is already in use on ${hostname}: stop what uses it, or set PORT to another.`
      : `Cannot listen on ${hostname}:${port}: ${error.code ?? error.message}.`,
  ),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close();
    outbox.stop();
    backups?.stop();
    rebuilds?.stop();
    store.close();
    process.exit(0);
  });
}
