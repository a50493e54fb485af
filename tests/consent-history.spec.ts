// The consent widget on pages the browser restores from its back/forward cache: a restored page is a new load as far
// as the decision goes. A file of its own: Playwright turns Chromium's cache off, and turning it back on takes a worker.
import { expect, type Page, test } from '@playwright/test';
import { LAUNCH } from '../playwright.config.ts';
import { banner, html, partner, remember, SITE, stored, tag } from './partner.ts';

test.use({ launchOptions: { ...LAUNCH, ignoreDefaultArgs: ['--disable-back-forward-cache'] } });

const statistics = `<script type="text/plain" data-consent="statistics">window.__stats = (window.__stats || 0) + 1;</script>`;
const probe = (page: Page, name: string) =>
  page.evaluate((n) => (window as unknown as Record<string, unknown>)[n], name);
const consentNow = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { citimConsent: { get: () => Record<string, boolean> } }).citimConsent.get(),
  );
/** Back, as a person does it: Playwright's own goBack waits for a navigation a page restored from the cache never makes. */
const back = (page: Page) => page.evaluate(() => history.back());
/** Whether the page now shown came from the cache; asked again across the reload that may follow. */
const restored = (page: Page) => page.evaluate(() => sessionStorage.getItem('restored')).catch(() => null);
const refuseAll = (page: Page) =>
  page.evaluate(() => (window as unknown as { citimConsent: { refuseAll: () => void } }).citimConsent.refuseAll());

test.describe('pages restored by Back', () => {
  // Pages cached and restored, then reloaded: room for a busy two-core machine.
  test.slow();
  test('a page restored from the back/forward cache stops what was withdrawn since, and drops a stale banner', async ({
    context,
    page,
  }) => {
    await partner(context, { pages: { '/': html(tag(), statistics), '/next': html(tag()) } });
    // Whether Back restored the page from the cache, kept across the reload the widget may make.
    await context.addInitScript(() =>
      addEventListener('pageshow', (e) => e.persisted && sessionStorage.setItem('restored', '1')),
    );
    await remember(context, stored());
    await page.goto(SITE);
    await expect.poll(() => probe(page, '__stats')).toBe(1);
    await page.goto(`${SITE}/next`);
    await refuseAll(page);
    await back(page);
    await expect.poll(() => restored(page)).toBe('1');
    await expect.poll(() => probe(page, '__stats').catch(() => 'reloading')).toBeUndefined();
    await expect.poll(() => consentNow(page).catch(() => null)).toMatchObject({ statistics: false });

    // A first visit's banner, then a decision on the next page: Back shows no banner.
    await context.clearCookies();
    await page.goto(`${SITE}/next`);
    await expect(banner(page)).toBeVisible();
    await page.goto(SITE);
    await page.evaluate(() => sessionStorage.removeItem('restored'));
    await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
    await back(page);
    await expect(page).toHaveURL(`${SITE}/next`);
    await expect.poll(() => restored(page)).toBe('1');
    await expect(banner(page)).toBeHidden();
  });
});
