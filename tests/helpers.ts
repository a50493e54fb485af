// Shared checks for the browser tests: accessibility with axe, and no request leaving the portal's origin.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { encodeRecord } from '../widget/core/record.ts';
import { declaration } from '../widget/declaration/index.ts';

/** The rules a colour scheme can change: a page's structure is the same in light and dark. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export async function expectAccessible(page: Page, only?: string[]) {
  const builder = new AxeBuilder({ page });
  if (only) builder.withRules(only);
  else builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  const results = await builder.analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/**
 * Waits for a page as a first-time visitor finds it once loaded: the consent banner drawn and, on the request form,
 * the proof of work done. Deterministic where `networkidle` is not (Playwright discourages it; it timed out once here
 * under load).
 */
export async function settled(page: Page) {
  await page.waitForLoadState('load');
  // The inbox's pages (the inbox, the officer's guide) carry no consent widget: nothing to wait for there.
  if (await page.locator('script[src="/widget/consent.js"]').count())
    await expect(page.locator('#citim-consent .cc-banner')).toBeVisible();
  // The request form starts its proof of work when the person starts on it: as they do, by its first field.
  if (await page.locator('altcha-widget').count()) {
    const field = page.locator('form.request-form input:not([type=hidden])').first();
    await field.focus();
    await expect(page.locator('altcha-widget [data-state="verified"]')).toBeAttached({ timeout: 15_000 });
  }
}

/**
 * Waits until every island of the page has hydrated (Astro drops its `ssr` attribute then): a click before that is the
 * plain form's, without a script, which a busy machine gave a test more than once.
 */
export async function hydrated(page: Page) {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 20_000 });
}

/** Records every request the page makes that does not go to the portal itself. */
export function watchThirdParties(page: Page, origin: string): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:') outside.push(request.url());
  });
  return outside;
}

/** A browser state where the visitor has already refused everything: for tests about the documents, not the banner. */
export function refusedState(host = '127.0.0.1') {
  const now = Date.now();
  const value = encodeRecord({
    id: 'testvisitor01',
    created: now,
    updated: now,
    choices: { preferences: false, statistics: false, advertising: false, social: false },
    revision: declaration.revision,
    policy: '1.1',
    gpc: false,
    method: 'refuse-all',
    services: {},
  });
  return {
    cookies: [
      {
        name: 'citim_consent',
        value,
        domain: host,
        path: '/',
        expires: now / 1000 + 86_400,
        httpOnly: false,
        secure: false,
        sameSite: 'Lax' as const,
      },
    ],
    origins: [],
  };
}

/**
 * What sticks out of the window, even by half a pixel (the page then scrolls sideways): the element furthest right,
 * leaving out what lies in a container that scrolls on its own (a wide table) and what is hidden on purpose.
 */
export const overflowOf = (page: Page) =>
  page.evaluate(() => {
    const scrolls = (el: Element | null): boolean =>
      !!el &&
      el !== document.body &&
      (/(auto|scroll|hidden)/.test(getComputedStyle(el).overflowX) || scrolls(el.parentElement));
    let worst: { right: number; what: string } | null = null;
    for (const el of document.body.querySelectorAll('*')) {
      const { right, width } = el.getBoundingClientRect();
      if (width === 0 || right <= innerWidth + 0.01 || scrolls(el.parentElement)) continue;
      if (!worst || right > worst.right) worst = { right, what: `${el.localName}.${el.className}` };
    }
    return worst && `${worst.what} ends at ${worst.right.toFixed(2)} of ${innerWidth}`;
  });
