// Finding text across the documents, and following their changes by feed.
import { expect, test } from '@playwright/test';
import { refusedState } from './helpers.ts';

// These tests are about the documents: the visitor has already made their cookie choice.
test.use({ storageState: refusedState() });

test('searching from the header finds the policy section and highlights the words', async ({ page }) => {
  await page.goto('/fr/avis-ptet/');
  await page.getByRole('search').getByLabel('Mots à rechercher').fill('fichiers témoins');
  await page.getByRole('search').getByRole('button', { name: 'Rechercher' }).click();
  await expect(page).toHaveURL(/\/fr\/recherche\/\?q=fichiers/);
  const results = page.locator('#search-results li');
  await expect(results.first()).toBeVisible();
  await expect(results.first().getByRole('link')).toHaveText(/^Politique de confidentialité — \d+\. /);
  await expect(results.first().locator('mark').first()).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/^\d+ résultats? pour « fichiers témoins »$/);
  // A result opens the section that matched, not the top of a 6,000-word page.
  await results.first().getByRole('link').click();
  await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/#section-\d+$/);
});

test('the cookie page is found by the name of a cookie it declares', async ({ page }) => {
  await page.goto('/fr/recherche/?q=citim_consent');
  await expect(page.locator('#search-results li a').first()).toHaveAttribute('href', /^\/fr\/temoins\//);
});

test('search stays in the reader’s language and reports no match', async ({ page }) => {
  await page.goto('/en/search/?q=border');
  await expect(page.locator('#search-results li a').first()).toHaveText(/Temporary Foreign Worker Program/);
  await page.getByLabel('Words to search for').last().fill('zzzqqq');
  await page.getByRole('button', { name: 'Search' }).last().click();
  await expect(page.getByRole('status')).toHaveText('No results for “zzzqqq”.');
});

test('each document has a valid Atom feed per language whose links resolve', async ({ page, request }) => {
  for (const path of [
    '/fr/politique-de-confidentialite/atom.xml',
    '/en/privacy-policy/atom.xml',
    '/fr/avis-ptet/atom.xml',
    '/en/tfwp-notice/atom.xml',
  ]) {
    const response = await request.get(path);
    expect(response.headers()['content-type']).toContain('xml');
    const xml = await response.text();
    await page.goto('/fr/');
    const feed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const root = doc.documentElement;
      const child = (el: Element, name: string) => [...el.children].find((c) => c.localName === name);
      return {
        error: doc.getElementsByTagName('parsererror').length,
        ns: root.namespaceURI,
        required: ['id', 'title', 'updated'].every((n) => child(root, n)?.textContent),
        self: root.querySelector('link[rel="self"]')?.getAttribute('href'),
        entries: [...root.children]
          .filter((c) => c.localName === 'entry')
          .map((e) => ({
            ok: ['id', 'title', 'updated', 'summary'].every((n) => child(e, n)?.textContent),
            link: child(e, 'link')?.getAttribute('href') ?? '',
          })),
      };
    }, xml);
    expect(feed.error).toBe(0);
    expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
    expect(feed.required).toBe(true);
    expect(feed.self).toMatch(/atom\.xml$/);
    expect(feed.entries.length).toBeGreaterThan(0);
    for (const entry of feed.entries) {
      expect(entry.ok).toBe(true);
      expect((await request.get(new URL(entry.link).pathname)).status()).toBe(200);
    }
  }
});

test('feeds date versions at midnight in Montreal and say which dates are still to be confirmed, as the home page does', async ({
  page,
  request,
}) => {
  const feed = await (await request.get('/fr/politique-de-confidentialite/atom.xml')).text();
  expect(feed).toContain('<published>2026-11-20T00:00:00-05:00</published>');
  expect(feed).toContain('<published>2023-09-22T00:00:00-04:00</published>');
  expect(feed).toMatch(/<title>[^<]*\(date à confirmer\)<\/title>/);
  await page.goto('/fr/');
  await expect(page.locator('.cards li').first()).toContainText('(date à confirmer)');
});

test('the sitemap lists each public page once, with its counterpart and x-default, and nothing personal', async ({
  request,
}) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(locs).toContain('/fr/politique-de-confidentialite/1.0/');
  expect(locs).toContain('/en/privacy-policy/compare/1.0-1.1/');
  expect(locs).toContain('/en/tfwp-notice/');
  expect(new Set(locs).size).toBe(locs.length);
  // Not the redirect at /, not a search, not a personal status page, not a comparison with nothing to compare.
  for (const path of ['/', '/fr/recherche/', '/fr/demande/suivi/', '/en/request/status/', '/fr/avis-ptet/comparer/'])
    expect(locs).not.toContain(path);
  const entry = sitemap.match(
    /<url><loc>[^<]*\/fr\/politique-de-confidentialite\/comparer\/1\.0-1\.1\/<\/loc>.*?<\/url>/,
  )![0];
  expect(entry).toMatch(/hreflang="fr-CA" href="[^"]*\/fr\/politique-de-confidentialite\/comparer\/1\.0-1\.1\/"/);
  expect(entry).toMatch(/hreflang="en-CA" href="[^"]*\/en\/privacy-policy\/compare\/1\.0-1\.1\/"/);
  expect(entry).toMatch(/hreflang="x-default" href="[^"]*\/fr\/politique-de-confidentialite\/comparer\/1\.0-1\.1\/"/);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Disallow: /api/');
  expect(robots).toContain('Disallow: /fr/demande/suivi/');
  expect(robots).toMatch(/^Sitemap: https?:\/\/[^/]+\/sitemap\.xml$/m);
});

test('without a script, the Node entry searches too, and finds what only a superseded version said', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/fr/recherche/');
  await page.locator('#search-query').fill('contentement');
  await page.locator('#search-query').press('Enter');
  await expect(page).toHaveURL(/\/fr\/recherche\/\?q=contentement$/);
  const found = page.locator('[data-server-results] ol.results li');
  await expect(page.locator('[data-server-results] [role=status]')).toContainText('pour « contentement »');
  await expect(page.getByRole('link', { name: /version 1\.0, remplacée/ })).toHaveAttribute(
    'href',
    /^\/fr\/politique-de-confidentialite\/1\.0\/#section-\d+$/,
  );
  expect(await found.count()).toBeGreaterThan(0);
  // Words of the text in force lead to it, not to older versions.
  await page.goto('/fr/recherche/?q=consentement');
  await expect(page.locator('[data-server-results] ol.results a').first()).toHaveAttribute(
    'href',
    /^\/fr\/politique-de-confidentialite\/#/,
  );
  await expect(page.getByRole('link', { name: /remplacée/ })).toHaveCount(0);
  await context.close();
});
