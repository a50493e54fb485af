// Accessibility, privacy and security of every page template, in both languages.
import { expect, test } from '@playwright/test';
import { COLOUR_RULES, expectAccessible, overflowOf, settled, watchThirdParties } from './helpers.ts';

const templates: Record<string, string[]> = {
  home: ['/fr/', '/en/'],
  document: ['/fr/politique-de-confidentialite/', '/en/tfwp-notice/'],
  permalink: ['/fr/politique-de-confidentialite/1.0/', '/en/privacy-policy/1.0/'],
  history: ['/fr/politique-de-confidentialite/historique/', '/en/privacy-policy/history/'],
  follow: ['/fr/politique-de-confidentialite/suivre/', '/en/tfwp-notice/follow/'],
  compare: [
    '/fr/politique-de-confidentialite/comparer/?from=1.0&to=1.1',
    '/en/privacy-policy/compare/?from=1.1&to=1.0',
  ],
  pair: ['/fr/politique-de-confidentialite/comparer/1.0-1.1/', '/en/privacy-policy/compare/1.0-1.1/'],
  search: ['/fr/recherche/?q=consentement', '/en/search/?q=consent'],
  placeholders: ['/fr/temoins/', '/en/request/'],
  // The cookie page's template with a revision's dates and changes (the French one is in tests/consent.spec.ts).
  cookieRevision: ['/en/cookies/revision-1/'],
  notFound: ['/404.html', '/en/404.html'],
  officerGuide: ['/fr/responsable/guide/', '/en/officer/guide/'],
};
/** The notice for temporary foreign workers in both languages, where half a pixel once stuck out. */
const PTET = ['/fr/avis-ptet/', '/en/tfwp-notice/'];

// One page per test: axe on a long policy takes seconds, and many times that on a busy two-core machine. The dark
// scheme changes colours only, so it is checked again for the rules colours decide, on the same page.
for (const [name, paths] of Object.entries(templates)) {
  for (const path of paths) {
    test(`${name} page ${path} has no axe violations, light or dark`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(path);
      await settled(page);
      await expectAccessible(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await expectAccessible(page, COLOUR_RULES);
    });
  }
}

test('at 320 px, tables that scroll can be reached by keyboard and the history reads as cards', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const context = await browser.newContext({
    baseURL: baseURL!,
    viewport: { width: 320, height: 640 },
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await page.goto('/en/cookies/');
  await settled(page);
  await page.getByRole('button', { name: 'Refuse all' }).first().click();
  await expectAccessible(page);
  await page.goto('/fr/politique-de-confidentialite/historique/');
  const changes = page.locator('tr[data-version] td[data-label="Changements"]').first();
  await expect(changes).toBeVisible();
  const box = (await changes.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  await context.close();
});

test('no page asks anything of a third party, and the policy forbids inline scripts', async ({ page, baseURL }) => {
  const outside = watchThirdParties(page, baseURL!);
  const violations: string[] = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && /Content Security Policy/i.test(m.text()) && violations.push(m.text()),
  );
  for (const path of Object.values(templates).flat()) {
    await page.goto(path);
    await settled(page);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp, path).toContain("script-src 'self'");
    expect(csp, path).not.toContain('unsafe-inline');
  }
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
});

test('every page reflows from 320 to 414 px without horizontal scrolling (WCAG 1.4.10)', async ({
  browser,
  baseURL,
}) => {
  test.slow();
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of [...Object.values(templates).flat(), ...PTET]) {
    await page.goto(path);
    // What a page draws after it loads is measured too: the search's results (excerpts of any text).
    if (templates['search']!.includes(path)) await page.locator('#search-results li').first().waitFor();
    for (const width of [320, 360, 375, 414]) {
      await page.setViewportSize({ width, height: 640 });
      expect({ path, width, overflow: await overflowOf(page) }).toEqual({ path, width, overflow: null });
    }
  }
  await context.close();
});

test('the server sends hardening headers', async ({ request }) => {
  const response = await request.get('/fr/');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['referrer-policy']).toBe('same-origin');
});

test('the skip link is the first stop for the keyboard and moves focus to the content', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('focus is visible on links', async ({ page }) => {
  await page.goto('/en/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).toBe('solid');
});
