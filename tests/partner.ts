// A partner site for the widget's browser tests: pages served at www.embed.test with the portal's real widget, the
// receipts they file, and the consent cookie as the browser holds it.
import type { BrowserContext, Page } from '@playwright/test';
import { PORT } from '../playwright.config.ts';
import { type ConsentRecord, decodeRecord, encodeRecord } from '../widget/core/record.ts';
import { declaration } from '../widget/declaration/index.ts';

export const PORTAL = 'http://portal.test';
export const SITE = 'http://www.embed.test';
export const widget = (page: Page) => page.locator('#citim-consent');
export const banner = (page: Page) => widget(page).locator('.cc-banner');
export const dialog = (page: Page) => widget(page).locator('dialog');
export const tag = (attrs = '') =>
  `<script type="module" src="${PORTAL}/widget/consent.js" data-cookie-domain="embed.test" ${attrs}></script>`;

export interface Site {
  /** Pages of the partner site by path; the HTML of each, and headers to send with it. */
  pages: Record<string, string | { html: string; headers: Record<string, string> }>;
  /** The receipt endpoint never answers. */
  hangReceipts?: boolean;
}

/** Serves a partner site at www.embed.test and its other hosts (and its probe scripts); the portal's files come from the real server. */
export async function partner(context: BrowserContext, site: Site) {
  const receipts: { method?: string }[] = [];
  await context.route(`${PORTAL}/**`, async (route) => {
    const url = new URL(route.request().url());
    await route
      .fetch({ url: `http://127.0.0.1:${PORT}${url.pathname}${url.search}` })
      .then((response) => route.fulfill({ response }))
      .catch(() => undefined);
  });
  // Every host of the partner's domain (www., shop.): one cookie domain, several origins.
  await context.route(/^http:\/\/[a-z.]*embed\.test\//, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/gtag.js')
      return route.fulfill({ contentType: 'text/javascript', body: 'window.__gtagLoaded = true;' });
    if (url.pathname === '/consent-receipts') {
      if (site.hangReceipts) return; // Never answered.
      receipts.push(route.request().postDataJSON());
      return route.fulfill({ status: 201, body: '' });
    }
    const page = site.pages[url.pathname];
    if (!page) return route.fulfill({ status: 404, body: '' });
    const { html, headers } = typeof page === 'string' ? { html: page, headers: {} } : page;
    return route.fulfill({ contentType: 'text/html', headers, body: html });
  });
  return receipts;
}

export const html = (head: string, body = '', lang = 'fr') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Partenaire</title>${head}</head><body><main><h1>Partenaire</h1>${body}</main></body></html>`;
export const stored = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'returning0001',
  created: Date.now() - 86_400_000,
  updated: Date.now() - 86_400_000,
  choices: { preferences: true, statistics: true, advertising: true, social: true },
  revision: declaration.revision,
  policy: '1.1',
  gpc: false,
  method: 'accept-all',
  services: {},
  ...over,
});
export const remember = (context: BrowserContext, record: ConsentRecord) =>
  context.addCookies([{ name: 'citim_consent', value: encodeRecord(record), domain: '.embed.test', path: '/' }]);
export const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((c) => c.name).sort();
/** The decision in the consent cookie, asked until it is there: a click's cookie reaches the store a moment later. */
export const recorded = async (context: BrowserContext) =>
  decodeRecord((await context.cookies()).find((c) => c.name === 'citim_consent')?.value ?? '');
/** Google's command queue as plain arrays: [command, argument, …]. */
export const queue = (page: Page) =>
  page.evaluate(() =>
    ((window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? []).map((a) =>
      [...a].map((x) => (x instanceof Date ? 'date' : x)),
    ),
  );
