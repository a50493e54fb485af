// Cloudflare Workers entry: the same function on D1, the site from static assets. The only file that knows Workers.
import { altchaProof } from '../http/altcha.ts';
import { createApp } from '../http/app.ts';
import { REQUEST_PAGES } from '../../shared/addresses.ts';
import { pagesFrom } from '../http/pages.ts';
import { siteForms } from '../http/site-forms.ts';
import { isRecipient } from '../../shared/crypto/sealed.ts';
import { outboxRecipient } from '../mail/outbox-key.ts';
import { type D1Database, d1AccessStore, d1Counter, d1Store } from '../store/d1.ts';
import type { MailSettings } from '../mail/compose.ts';
import { drainOutbox } from '../mail/deliver.ts';
import { digestDay, queueDigest } from '../mail/runner.ts';
import { chainAudit } from '../domain/audit-chain.ts';
import { applyReceiptRetention, DEFAULT_DISPUTE_YEARS } from '../domain/receipts.ts';
import { workerSmtpTransport } from '../mail/worker-smtp.ts';

export interface Env {
  DB: D1Database;
  ASSETS: { fetch(request: Request): Promise<Response> };
  /** The officer's public key (JWK), a `wrangler secret`; without it, the one the first officer makes in the inbox. */
  /** The recovery key's public half (age1…): requests are sealed for it and every active officer's device key. */
  RECOVERY_PUBLIC_KEY?: string;
  PORTAL_SECRET: string;
  /** Comma-separated origins allowed to post. */
  PORTAL_ORIGINS: string;
  PORTAL_ALTCHA?: string;
  /**
   * Years a consent receipt is kept for disputes after its decision could no longer stand
   * (function/domain/receipts.ts).
   */
  RECEIPT_DISPUTE_YEARS?: string;
  /** SHA-256 of the officer's admin token (`npm run officer -- token`), a `wrangler secret`. */
  ADMIN_TOKEN_HASH?: string;
  /** The name passkeys are registered under (the portal's name). */
  PORTAL_NAME?: string;
  /** The mail server (worker-mailer, over Workers' TCP sockets): host, port, `tls`, `starttls` or `off`. */
  SMTP_HOST?: string;
  SMTP_PORT?: string;
  SMTP_SECURITY?: 'tls' | 'starttls' | 'off';
  SMTP_USER?: string;
  /** A `wrangler secret`. */
  SMTP_PASSWORD?: string;
  MAIL_FROM?: string;
  MAIL_REPLY_TO?: string;
  /** The officers' addresses, comma-separated: a notice per new request and the daily digest. */
  OFFICER_EMAILS?: string;
  OFFICER_LANG?: string;
  /** The portal's address in the messages' links; the first of PORTAL_ORIGINS otherwise. */
  PORTAL_SITE_URL?: string;
}

/** What the Workers runtime hands a handler, as far as this file uses it. */
interface Ctx {
  waitUntil(promise: Promise<unknown>): void;
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
      'PORTAL_ORIGINS is not set: list the portal’s origin (and the sites embedding the widget) ' +
        'in wrangler.toml [vars].',
    );
  if (!env.SMTP_HOST || !env.MAIL_FROM)
    throw new Error('SMTP_HOST and MAIL_FROM are not set: requesters and officers must be told of each request.');
  const mail = await mailSettings(env, origins);
  const created = createApp({
    store: d1Store(env.DB),
    counter: d1Counter(env.DB),
    clock,
    recoveryKey: env.RECOVERY_PUBLIC_KEY && isRecipient(env.RECOVERY_PUBLIC_KEY) ? env.RECOVERY_PUBLIC_KEY : undefined,
    secret: env.PORTAL_SECRET,
    origins,
    adminTokenHash: env.ADMIN_TOKEN_HASH,
    clientAddress: (c) => c.req.header('CF-Connecting-IP') ?? 'unknown',
    proof: env.PORTAL_ALTCHA === 'off' ? undefined : altchaProof(env.PORTAL_SECRET, clock),
    pages: pagesFrom(template),
    access: d1AccessStore(env.DB),
    rpName: env.PORTAL_NAME ?? 'Portail de confidentialité',
    mail,
    // Delivered right after the answer, without holding it; the Cron Trigger catches whatever this misses.
    onQueued: (c) => c.executionCtx.waitUntil(deliver(env).catch(() => undefined)),
  });
  // The compare page's form and the search box without a script, from the assets (function/http/site-forms.ts);
  // wrangler.toml's run_worker_first sends those pages here first.
  const built = async (path: string) => {
    const response = await env.ASSETS.fetch(new Request(`https://assets.local${path}`));
    return response.ok ? response.text() : null;
  };
  created.route('/', siteForms(built).app);
  // Anything the function does not answer is the static site.
  created.notFound((c) => env.ASSETS.fetch(c.req.raw));
  return created;
}

async function mailSettings(env: Env, origins: string[]): Promise<MailSettings> {
  return {
    portal: (env.PORTAL_SITE_URL ?? origins[0]!).replace(/\/+$/, ''),
    organisation: env.PORTAL_NAME ?? 'CITIM',
    officers: (env.OFFICER_EMAILS ?? '')
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    officerLang: env.OFFICER_LANG === 'en' ? 'en' : 'fr',
    sealFor: await outboxRecipient(env.PORTAL_SECRET),
  };
}

/** Sends what the outbox holds that is due; the lease keeps two runs from sending the same message at once. */
async function deliver(env: Env) {
  const origins = (env.PORTAL_ORIGINS ?? '').split(',').map((o) => o.trim());
  const from = env.MAIL_FROM ?? '';
  const transport = workerSmtpTransport({
    host: env.SMTP_HOST ?? '',
    port: Number(env.SMTP_PORT ?? 587),
    security: env.SMTP_SECURITY ?? 'starttls',
    username: env.SMTP_USER,
    password: env.SMTP_PASSWORD,
    from,
    replyTo: env.MAIL_REPLY_TO,
  });
  const settings = await mailSettings(env, origins);
  return drainOutbox({
    store: d1Store(env.DB),
    transport,
    from,
    settings,
    clock: () => new Date(),
    secret: env.PORTAL_SECRET,
  });
}

export default {
  async fetch(request: Request, env: Env, ctx: unknown): Promise<Response> {
    if (!app || built !== env) {
      app = await build(env);
      built = env;
    }
    return app.fetch(request, env, ctx as never);
  },

  /**
   * The Cron Triggers (wrangler.toml): every few minutes, messages due (retries, any `waitUntil` cut short); and from
   * 8 a.m. in Montreal, the officers' daily digest, queued once per day and officer.
   */
  async scheduled(_event: { cron: string; scheduledTime: number }, env: Env, ctx: Ctx): Promise<void> {
    const work = async () => {
      const now = new Date();
      if (digestDay(now)) {
        const origins = (env.PORTAL_ORIGINS ?? '').split(',').map((o) => o.trim());
        await queueDigest(d1Store(env.DB), await mailSettings(env, origins), now);
      }
      await deliver(env);
      // The audit log chained every few minutes (function/domain/audit-chain.ts); the digest chains it before it is
      // queued.
      await chainAudit(d1Store(env.DB));
      // Consent receipts past their purpose (function/domain/receipts.ts); an entry in the log only when some were
      // deleted.
      await applyReceiptRetention(d1Store(env.DB), now, Number(env.RECEIPT_DISPUTE_YEARS ?? DEFAULT_DISPUTE_YEARS));
    };
    ctx.waitUntil(work());
  },
};
