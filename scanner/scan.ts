// The crawl: each site visited in Chromium through Playwright, in a fresh context per state (before any choice, after
// refusing all, each category accepted alone, all accepted), recording every cookie, storage write and request to
// another site with the page it happened on. Stays on the sites it was given, within its page and time budgets, and
// respects robots.txt. Decisions are made through the widget itself; the receipts they would file are held back.
import { type Browser, type BrowserContext, chromium, type Page, type Request } from '@playwright/test';
import { parseSetCookie } from 'cookie';
import robotsParser from 'robots-parser';
import { OPTIONAL } from '../shared/consent.ts';
import type { Declaration } from '../widget/declaration/schema.ts';
import {
  type CookieSeen,
  type Pass,
  PASSES,
  passName,
  type RequestSeen,
  type ScanResult,
  type Setter,
  type SiteScan,
  type StorageSeen,
} from './observations.ts';
import { BINDING, recorder, type ScriptEvent } from './record.ts';
import { inScope, nameMatches, pageAddress, siteOf } from './sites.ts';

/**
 * How long nothing may be in flight before a page counts as settled: Playwright's `networkidle` waits 500 ms; most
 * trackers ask within a few milliseconds of the request before them, and a whole visit then takes a third less.
 */
const QUIET_MS = 300;
/** Addresses left out listed one by one in a report, at most; the rest are counted. */
const MAX_SKIPPED = 50;

/** How the scanner names itself to robots.txt and in its requests. */
export const USER_AGENT_TOKEN = 'privacy-portal-scanner';

export interface ScanOptions {
  /** The declaration the sites are held against (its strictly necessary cookies survive between passes). */
  declaration: Declaration;
  /** Pages per site, at most. */
  pages: number;
  /** When to stop, whatever is left (ms since the epoch). */
  deadline: number;
  /** Chromium's executable (Debian's by default). */
  executablePath?: string;
  /** More Chromium switches (the tests map their fixture hosts with `--host-resolver-rules`). */
  args?: string[];
  /** How long one page may take to load, in ms. */
  pageTimeout?: number;
  /** How many passes run at once (each in its own context); 3 by default. */
  parallel?: number;
  /** Where progress goes, one line per page. */
  log?: (line: string) => void;
}

export async function scan(addresses: string[], options: ScanOptions): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', ...(options.args ?? [])],
  });
  let sites: SiteScan[] = [];
  try {
    const userAgent = await userAgentOf(browser);
    // Every site at once, their passes sharing `parallel` places: one site's crawl never waits for another's end.
    const slot = limiter(Math.max(1, options.parallel ?? 3));
    sites = await Promise.all(
      addresses.map((address) => scanSite(browser, new URL(address), { ...options, userAgent }, slot)),
    );
  } finally {
    await browser.close();
  }
  return { startedAt, finishedAt: new Date().toISOString(), revision: options.declaration.revision, sites };
}

async function scanSite(
  browser: Browser,
  start: URL,
  options: ScanOptions & { userAgent: string },
  slot: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<SiteScan> {
  const log = options.log ?? (() => undefined);
  const result: SiteScan = {
    start: start.href,
    site: siteOf(start),
    widgetOrigins: [],
    pages: [],
    skipped: [],
    visits: [],
    cookies: [],
    storage: [],
    requests: [],
    notes: [],
  };
  // robots.txt is per origin: a site's other subdomains have their own.
  const robots = new Map<string, Promise<Robots | undefined>>();
  const allowed = async (url: string) => {
    const { origin } = new URL(url);
    if (!robots.has(origin)) robots.set(origin, readRobots(browser, new URL(origin)));
    return (await robots.get(origin))?.isAllowed(url, USER_AGENT_TOKEN) !== false;
  };
  const necessary = options.declaration.categories[0]!.services.flatMap((s) => s.cookies.map((c) => c.name));

  // The first pass finds the pages; the others visit them, a few at once (each in its own context).
  const site = { start, allowed, necessary, log };
  await slot(() => runPass(browser, PASSES[0]!, result, options, site));
  if (result.pages.length)
    await Promise.all(PASSES.slice(1).map((pass) => slot(() => runPass(browser, pass, result, options, site))));
  const order = PASSES.map(passName);
  const byPass = <T extends { pass: string }>(a: T, b: T) => order.indexOf(a.pass) - order.indexOf(b.pass);
  for (const list of [result.visits, result.cookies, result.storage, result.requests] as { pass: string }[][])
    list.sort(byPass);
  return result;
}

/** One pass in a context of its own: the crawl itself before any choice, otherwise its decision then every page. */
async function runPass(
  browser: Browser,
  pass: Pass,
  result: SiteScan,
  options: ScanOptions & { userAgent: string },
  site: { start: URL; allowed: (url: string) => Promise<boolean>; necessary: string[]; log: (line: string) => void },
) {
  const context = await browser.newContext({ userAgent: options.userAgent, locale: 'fr-CA' });
  const recording = new Recording(result, passName(pass));
  await recording.attach(context);
  try {
    const page = await context.newPage();
    await recording.watch(page);
    if (pass.kind === 'before')
      return await discover(page, site.start, recording, result, options, site.allowed, site.log);
    if (!(await decide(page, pass, result, options))) return;
    // A clean slate after the decision: only the strictly necessary cookies (the decision itself) stay, seen there.
    const keep = (await context.cookies()).filter((c) => site.necessary.some((n) => nameMatches(c.name, n)));
    await context.clearCookies();
    await context.addCookies(keep);
    recording.decided(page.url(), keep);
    for (const frame of page.frames())
      await frame
        .evaluate(() => {
          localStorage.clear();
          sessionStorage.clear();
        })
        .catch(() => undefined);
    recording.on = true;
    await recording.baseline(context);
    for (const url of result.pages) {
      if (Date.now() > options.deadline) {
        result.notes.push(`${passName(pass)}: stopped by the time budget`);
        break;
      }
      await recording.visit(page, url, options.pageTimeout);
      site.log(`${passName(pass)} ${url}`);
    }
  } finally {
    await context.close();
  }
}

/** The first pass: from the start address, same-site links breadth first, within the budgets and robots.txt. */
async function discover(
  page: Page,
  start: URL,
  recording: Recording,
  result: SiteScan,
  options: ScanOptions,
  allowed: (url: string) => Promise<boolean>,
  log: (line: string) => void,
) {
  const queue = [pageAddress(start)];
  const seen = new Set(queue);
  let left = 0;
  // The start address may lead elsewhere (http to https, the bare domain to www., a language's home): where it lands
  // is the site scanned.
  let scope = start;
  recording.on = true;
  await recording.baseline(page.context());
  while (queue.length) {
    const url = queue.shift()!;
    if (!(await allowed(url))) {
      result.skipped.push({ url, reason: 'robots' });
      continue;
    }
    if (result.pages.length >= options.pages || Date.now() > options.deadline) {
      // A big site's links past the budget: the first ones listed, the rest counted.
      if (result.skipped.length < MAX_SKIPPED)
        result.skipped.push({ url, reason: result.pages.length >= options.pages ? 'pages' : 'time' });
      else left++;
      continue;
    }
    const mark = recording.mark();
    const visit = await recording.visit(page, url, options.pageTimeout);
    const landed = visit.landed;
    const isPage = typeof visit.status === 'number' && visit.html;
    if (isPage && !result.pages.length && url === pageAddress(start) && !inScope(scope, new URL(landed))) {
      scope = new URL(landed);
      result.site = siteOf(scope);
      result.notes.push(`${url} leads to ${landed}: the site scanned is ${result.site}`);
      result.requests = result.requests.filter((r) => siteOf(`http://${r.host}/`) !== result.site);
    }
    // Not a page (a download, an error), or a link that led to another site: left out, with what it caused.
    const reason = !isPage
      ? 'error'
      : !inScope(scope, new URL(landed))
        ? 'elsewhere'
        : seen.has(landed) && landed !== url
          ? 'same'
          : undefined;
    if (reason) {
      recording.forget(mark);
      if (reason !== 'same') result.skipped.push({ url, reason });
      continue;
    }
    seen.add(landed);
    result.pages.push(landed);
    log(`before ${landed}`);
    if (visit.widget) {
      const origins = await page
        .evaluate(() =>
          [...document.querySelectorAll<HTMLScriptElement>('script[src]')]
            .filter((s) => /\/consent\.js(?:$|\?)/.test(s.src))
            .map((s) => new URL(s.src).origin),
        )
        .catch(() => []);
      for (const origin of origins) if (!result.widgetOrigins.includes(origin)) result.widgetOrigins.push(origin);
    }
    const links = await page
      .evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href))
      .catch(() => [] as string[]);
    for (const link of links) {
      let next: URL;
      try {
        next = new URL(link);
      } catch {
        continue;
      }
      const address = pageAddress(next);
      if (!inScope(scope, next) || seen.has(address)) continue;
      seen.add(address);
      queue.push(address);
    }
  }
  if (left) result.notes.push(`${left} more addresses of the site left out by the budgets`);
}

/** Makes the pass's decision through the widget on the first page that has it; false (and a note) if none can. */
async function decide(page: Page, pass: Pass, result: SiteScan, options: ScanOptions): Promise<boolean> {
  const first = result.visits.find((v) => v.pass === 'before' && v.widget)?.url;
  if (!first) {
    if (!result.notes.some((n) => n.startsWith('no page')))
      result.notes.push('no page with the consent widget: nothing to decide with, only the state before a choice');
    return false;
  }
  try {
    await page.goto(first, { waitUntil: 'load', timeout: options.pageTimeout ?? 30_000 });
    if (pass.kind === 'refused') await page.evaluate(() => (window as WithConsent).citimConsent.refuseAll());
    else if (pass.kind === 'all') await page.evaluate(() => (window as WithConsent).citimConsent.acceptAll());
    else if (pass.kind === 'accepted') {
      await page.evaluate(() => (window as WithConsent).citimConsent.open());
      const dialog = page.locator('#citim-consent dialog');
      await dialog.waitFor({ state: 'visible', timeout: 15_000 });
      for (const category of OPTIONAL)
        await dialog.locator(`input[name="${category}"]`).setChecked(category === pass.category);
      await dialog.locator('form').evaluate((form) => (form as HTMLFormElement).requestSubmit());
    }
    await page.waitForLoadState('load');
    const choices = await page.evaluate(() => (window as WithConsent).citimConsent.get());
    const expected = (c: string) => pass.kind === 'all' || (pass.kind === 'accepted' && pass.category === c);
    if (OPTIONAL.every((c) => choices[c] === expected(c))) return true;
    result.notes.push(
      `${passName(pass)}: the widget did not record the decision (it holds ${JSON.stringify(choices)})`,
    );
  } catch (error) {
    result.notes.push(`${passName(pass)}: the decision could not be made (${String(error).split('\n')[0]})`);
  }
  return false;
}
type Robots = ReturnType<typeof robotsParser>;
type WithConsent = Window & {
  citimConsent: { get(): Record<string, boolean>; acceptAll(): void; refuseAll(): void; open(): void };
};

/** Runs work `places` at a time, in the order asked. */
function limiter(places: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running >= places) await new Promise<void>((go) => waiting.push(go));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** Chromium's own user agent, with the scanner's name added: sites and their logs can tell a scan from a person. */
async function userAgentOf(browser: Browser): Promise<string> {
  const page = await browser.newPage();
  try {
    const agent = await page.evaluate(() => navigator.userAgent);
    return `${agent.replace('HeadlessChrome', 'Chrome')} ${USER_AGENT_TOKEN}`;
  } finally {
    await page.close();
  }
}

/** robots.txt as the browser reads it (the same network, proxies and names as the crawl); none means all allowed. */
async function readRobots(browser: Browser, start: URL) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const answer = await page.goto(new URL('/robots.txt', start).href, { timeout: 10_000 }).catch(() => null);
    if (!answer?.ok()) return undefined;
    return robotsParser(new URL('/robots.txt', start).href, await answer.text());
  } finally {
    await context.close();
  }
}

/** One pass's recorder: the events scripts and responses report, joined with what the browser holds after each page. */
class Recording {
  on = false;
  private page = '';
  private events: { kind: 'cookie' | 'storage'; name: string; area?: string; setter: Setter }[] = [];
  private pending: Promise<unknown>[] = [];
  private jar = new Map<string, string>();
  private stored = new Set<string>();
  private requested = new Set<string>();
  private inFlight = new Set<Request>();
  private lastActivity = 0;
  /** Who asked for each address (a script, or the page whose markup names it), as Chromium tells. */
  private initiators = new Map<string, string>();
  /** Which script asked for an address, as the page-side recorder saw it (fetch, XHR, beacons, `src`). */
  private askedBy = new Map<string, string>();
  private unresolved: [RequestSeen, string][] = [];

  private readonly result: SiteScan;
  private readonly pass: string;
  constructor(result: SiteScan, pass: string) {
    this.result = result;
    this.pass = pass;
  }

  async attach(context: BrowserContext) {
    await context.exposeBinding(BINDING, (_source, event: ScriptEvent) => this.script(event));
    await context.addInitScript({ content: recorder });
    // The widget's receipts are held back: a scan is not a person's decision, and must not count as one.
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (request.method() === 'POST' && /"type"\s*:\s*"consent-receipt"/.test(request.postData() ?? ''))
        return route.fulfill({ status: 201, body: '' });
      return route.fallback();
    });
    context.on('request', (request) => {
      this.inFlight.add(request);
      this.lastActivity = Date.now();
      if (!this.on) return;
      const url = new URL(request.url());
      if (!/^https?:$/.test(url.protocol) || siteOf(url) === this.result.site) return;
      const key = `${this.page} ${url.origin}${url.pathname}`;
      if (this.requested.has(key)) return;
      this.requested.add(key);
      const seen: RequestSeen = {
        pass: this.pass,
        page: this.page,
        url: `${url.origin}${url.pathname}`,
        host: url.hostname,
        type: request.resourceType(),
      };
      this.result.requests.push(seen);
      this.unresolved.push([seen, request.url()]);
    });
    const done = (request: Request) => {
      this.inFlight.delete(request);
      this.lastActivity = Date.now();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
    context.on('response', (response) => {
      if (!this.on) return;
      this.pending.push(
        response
          .headerValues('set-cookie')
          .then((values) => {
            const source = new URL(response.url());
            for (const value of values.flatMap((v) => v.split('\n'))) {
              const cookie = written(value);
              if (cookie)
                this.events.push({
                  kind: 'cookie',
                  name: cookie,
                  setter: { by: 'header', source: `${source.origin}${source.pathname}` },
                });
            }
          })
          .catch(() => undefined),
      );
    });
  }

  private script(event: ScriptEvent) {
    if (event.kind === 'request') {
      if (event.script && !this.askedBy.has(event.text)) this.askedBy.set(event.text, event.script);
      return;
    }
    if (!this.on) return;
    const setter: Setter = event.script ? { by: 'script', source: event.script } : { by: 'unknown' };
    if (event.kind === 'cookie') {
      const name = written(event.text);
      if (name) this.events.push({ kind: 'cookie', name, setter });
    } else this.events.push({ kind: 'storage', name: event.text, area: event.area ?? 'local', setter });
  }

  /** Where the records stand, to forget what one visit added (a link that led elsewhere). */
  mark() {
    const r = this.result;
    return [r.visits.length, r.cookies.length, r.storage.length, r.requests.length] as const;
  }
  forget([visits, cookies, storage, requests]: ReturnType<Recording['mark']>) {
    const r = this.result;
    r.visits.length = visits;
    r.cookies.length = cookies;
    r.storage.length = storage;
    r.requests.length = requests;
  }

  /** The cookies the decision left (the strictly necessary), as seen on the page it was made on. */
  decided(page: string, cookies: HeldCookie[]) {
    for (const c of cookies) this.result.cookies.push(this.seenCookie(page, c, { by: 'unknown' }));
  }

  /** A cookie the browser holds, as seen on `page`: its lifetime in days from now (null for a session cookie). */
  private seenCookie(page: string, c: HeldCookie, setter: Setter): CookieSeen {
    const days = c.expires < 0 ? null : Math.round(((c.expires - Date.now() / 1000) / 86_400) * 10) / 10;
    return { pass: this.pass, page, name: c.name, domain: c.domain, path: c.path, days, setter };
  }

  /**
   * Listens to Chromium's own account of each request of the page's process: which script (or which page's markup)
   * asked for it. Frames of other sites run in processes of their own: their requests keep no initiator.
   */
  async watch(page: Page) {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', ({ request, initiator }) => {
      const from = scriptOf(initiator.stack) ?? initiator.url;
      if (from && /^https?:/.test(from)) this.initiators.set(request.url, from);
    });
  }

  /** Waits until no request has been in flight for `ms`, or `max` at most. */
  private async quiet(ms: number, max: number) {
    const until = Date.now() + max;
    while (Date.now() < until) {
      const idle = this.inFlight.size === 0 ? Date.now() - this.lastActivity : 0;
      if (idle >= ms) return;
      await new Promise((wake) => setTimeout(wake, Math.max(25, ms - idle)));
    }
  }

  /** What the browser holds before the first recorded page: only changes after it count. */
  async baseline(context: BrowserContext) {
    for (const c of await context.cookies()) this.jar.set(cookieKey(c), `${c.value} ${c.expires}`);
  }

  async visit(page: Page, url: string, timeout = 30_000) {
    this.page = url;
    this.events = [];
    let status: number | string;
    let html = false;
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout });
      status = response?.status() ?? 'no answer';
      html = /html/i.test(response?.headers()['content-type'] ?? '');
    } catch (error) {
      status = String(error).split('\n')[0]!.slice(0, 200);
    }
    // Trackers often wait for the page to settle: give them until nothing has been in flight for a while (bounded).
    await this.quiet(QUIET_MS, 5_000);
    const widget = await page
      .evaluate(() => typeof (window as { citimConsent?: unknown }).citimConsent === 'object')
      .catch(() => false);
    await Promise.allSettled(this.pending.splice(0));
    for (const [seen, full] of this.unresolved.splice(0)) {
      const from = this.askedBy.get(full) ?? this.initiators.get(full);
      if (from) seen.initiator = from;
    }
    await this.collectCookies(page.context());
    await this.collectStorage(page);
    const visit = { pass: this.pass, url, widget, status };
    this.result.visits.push(visit);
    return { ...visit, landed: pageAddress(page.url()), html };
  }

  private async collectCookies(context: BrowserContext) {
    for (const c of await context.cookies()) {
      const key = cookieKey(c);
      const state = `${c.value} ${c.expires}`;
      const changed = this.jar.get(key) !== state;
      this.jar.set(key, state);
      const event = this.events.find((e) => e.kind === 'cookie' && e.name === c.name);
      if (!changed && !event) continue;
      this.result.cookies.push(this.seenCookie(this.page, c, event?.setter ?? { by: 'unknown' }));
    }
  }

  private async collectStorage(page: Page) {
    for (const frame of page.frames()) {
      const held = await frame
        .evaluate(async () => {
          const keys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i) ?? '');
          const databases = indexedDB.databases ? await indexedDB.databases() : [];
          return {
            origin: location.origin,
            local: keys(localStorage),
            session: keys(sessionStorage),
            indexeddb: databases.map((d) => d.name ?? ''),
          };
        })
        .catch(() => null);
      if (!held || !/^https?:/.test(held.origin)) continue;
      for (const area of ['local', 'session', 'indexeddb'] as const) {
        for (const name of held[area]) {
          const key = `${held.origin} ${area} ${name}`;
          const event = this.events.find((e) => e.kind === 'storage' && e.area === area && e.name === name);
          if (this.stored.has(key) && !event) continue;
          this.stored.add(key);
          const seen: StorageSeen = {
            pass: this.pass,
            page: this.page,
            area,
            name,
            origin: held.origin,
            setter: event?.setter ?? { by: 'unknown' },
          };
          this.result.storage.push(seen);
        }
      }
    }
  }
}

/** The first web address on a call stack, its async parents included. */
type Stack = { callFrames: { url: string }[]; parent?: Stack | undefined };
const scriptOf = (stack: Stack | undefined): string | undefined =>
  stack ? (stack.callFrames.find((f) => /^https?:/.test(f.url))?.url ?? scriptOf(stack.parent)) : undefined;

/** A cookie as the browser holds it (Playwright's `BrowserContext.cookies()`): what a record needs of it. */
type HeldCookie = { name: string; domain: string; path: string; expires: number };

const cookieKey = (c: { name: string; domain: string; path: string }) => `${c.name} ${c.domain} ${c.path}`;

/** The cookie a `Set-Cookie` line (or a `document.cookie` write) sets; none for a deletion. */
function written(line: string): string | undefined {
  const cookie = parseSetCookie(line);
  if (!cookie.name) return undefined;
  if (cookie.maxAge !== undefined && cookie.maxAge <= 0) return undefined;
  if (cookie.expires && cookie.expires.getTime() <= Date.now()) return undefined;
  return cookie.name;
}
