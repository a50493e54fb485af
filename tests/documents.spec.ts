// What a reader sees: the policy in force, its versions, their history, and the language switch.
import { expect, test } from '@playwright/test';
import { ANNOUNCED_PORT, PAST_PORT } from '../playwright.config.ts';
import { refusedState } from './helpers.ts';

// These tests are about the documents: the visitor has already made their cookie choice.
test.use({ storageState: refusedState() });

test('the root address sends a French browser to French and an English one to English', async ({
  browser,
  baseURL,
}) => {
  for (const [locale, lang] of [
    ['fr-CA', 'fr'],
    ['en-CA', 'en'],
    ['es-MX', 'fr'],
  ] as const) {
    const context = await browser.newContext({ locale, baseURL: baseURL! });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page).toHaveURL(`${baseURL}/${lang}/`);
    // The static root page (for hosts without the Node server) decides in the browser.
    await page.goto('/index.html');
    await expect(page).toHaveURL(`${baseURL}/${lang}/`);
    await context.close();
  }
});

test('the home page leads to both documents in force', async ({ page }) => {
  await page.goto('/fr/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await page.getByRole('main').getByRole('link', { name: 'Politique de confidentialité' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Politique de confidentialité');
  await page.goto('/fr/');
  await page
    .getByRole('main')
    .getByRole('link', { name: /travailleurs étrangers temporaires/ })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'Programme des travailleurs étrangers temporaires',
  );
});

test('the document page shows the version in force, its dates and a table of contents', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/');
  const meta = page.locator('.meta').first();
  await expect(meta).toContainText('En vigueur');
  await expect(meta).toContainText('Version 1.1');
  await expect(meta).toContainText('En vigueur depuis le 20 novembre 2026 (date à confirmer)');
  await expect(page.getByText('nos prestataires et fournisseurs n’ont accès')).toBeVisible();
  const toc = page.getByRole('navigation', { name: 'Sur cette page' });
  await expect(toc.getByRole('link')).toHaveCount(13);
  await toc.getByRole('link', { name: /^7\./ }).click();
  await expect(page).toHaveURL(/#section-7$/);
  await expect(page.locator('#section-7')).toBeInViewport();
  // Bullets are real lists, and the contact block is an address.
  await expect(page.locator('#section-3 + p + ul > li')).toHaveCount(23);
  await expect(page.locator('#section-3 + p + ul > li > ul > li')).toHaveCount(7);
  await expect(page.locator('.prose address')).toContainText('1259, rue Berri, Bureau 900');
});

test('document and history pages run no script but the consent widget', async ({ page }) => {
  for (const path of ['/fr/politique-de-confidentialite/', '/en/privacy-policy/history/', '/fr/avis-ptet/1.0/']) {
    await page.goto(path);
    const scripts = await page
      .locator('script')
      .evaluateAll((all) => all.map((s) => (s as HTMLScriptElement).getAttribute('src')));
    expect(scripts).toEqual(['/widget/consent.js']);
  }
});

test('a superseded version says so at the top and links to the version in force', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/1.0/');
  const banner = page.locator('[data-banner="superseded"]');
  await expect(banner).toContainText(
    'Cette version a été remplacée. La version en vigueur est la version 1.1, depuis le 20 novembre 2026.',
  );
  await expect(page.getByText('avec le contentement spécifique')).toBeVisible();
  await expect(page.locator('.meta').first()).toContainText('En vigueur du 22 septembre 2023 au 19 novembre 2026');
  await banner.getByRole('link', { name: 'Lire la version en vigueur' }).click();
  await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/$/);
  await page.goto('/fr/politique-de-confidentialite/1.1/');
  await expect(page.locator('[data-banner]')).toHaveCount(0);
});

test('the history lists every version with dates, status and change summary', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/historique/');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('1.1');
  await expect(rows.nth(0)).toContainText('En vigueur');
  await expect(rows.nth(0)).toContainText('« contentement » devient « consentement »');
  await expect(rows.nth(1)).toContainText('Remplacée');
  await expect(rows.nth(1)).toContainText('22 septembre 2023');
  await rows.nth(0).getByRole('link', { name: 'Comparer avec la version 1.0' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changements entre les versions 1.0 et 1.1');
});

test('the language switch keeps the document and the version', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/1.0/');
  await page.getByRole('link', { name: 'Read this page in English' }).click();
  await expect(page).toHaveURL(/\/en\/privacy-policy\/1\.0\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
  await expect(page.locator('[data-unofficial]')).toContainText('the French version prevails');
  await page.getByRole('link', { name: 'Lire cette page en français' }).click();
  await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/1\.0\/$/);
  await page.goto('/en/tfwp-notice/history/');
  await page.getByRole('link', { name: 'Lire cette page en français' }).click();
  await expect(page).toHaveURL(/\/fr\/avis-ptet\/historique\/$/);
});

test('anchors are shared by both languages, so a section link survives the switch', async ({ page }) => {
  await page.goto('/en/privacy-policy/#section-10');
  await expect(page.locator('#section-10')).toHaveText('10. When and how we destroy or delete your information');
  await page.goto('/fr/politique-de-confidentialite/#section-10');
  await expect(page.locator('#section-10')).toHaveText(
    '10. Quand et comment nous détruisons ou supprimons vos renseignements',
  );
});

test('a version is neither shown nor announced before its publication day', async ({ page, request }) => {
  // The second server holds the same content built as of 19 November 2026, the day before version 1.1 went online.
  const past = `http://127.0.0.1:${PAST_PORT}`;
  await page.goto(`${past}/fr/politique-de-confidentialite/`);
  await expect(page.locator('.meta').first()).toContainText('Version 1.0');
  await expect(page.locator('[data-banner="announcement"]')).toHaveCount(0);
  await expect(page.getByText('1.1', { exact: false })).toHaveCount(0);
  expect((await request.get(`${past}/fr/politique-de-confidentialite/1.1/`)).status()).toBe(404);
  expect(await (await request.get(`${past}/fr/politique-de-confidentialite/atom.xml`)).text()).not.toContain('1.1');
  await page.goto(`${past}/fr/politique-de-confidentialite/historique/`);
  await expect(page.locator('tr[data-version]')).toHaveCount(1);
});

test('a version published before it takes effect is announced, with what changes, and its page says when', async ({
  page,
}) => {
  // The third server holds the content with a version 1.2 published on 24 November, in force on 15 January 2027.
  const announced = `http://127.0.0.1:${ANNOUNCED_PORT}`;
  await page.goto(`${announced}/fr/politique-de-confidentialite/`);
  await expect(page.locator('.meta').first()).toContainText('Version 1.1');
  const banner = page.locator('[data-banner="announcement"]');
  await expect(banner).toContainText('Une nouvelle version (1.2) entrera en vigueur le 15 janvier 2027.');
  await expect(banner).toContainText('un titre de la section 10 reformulé');
  await banner.getByRole('link', { name: 'Voir ce qui change' }).click();
  await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/comparer\/1\.1-1\.2\/$/);
  await expect(page.locator('#comparison ins').first()).toContainText('de quelle façon');
  await page.goto(`${announced}/fr/politique-de-confidentialite/`);
  await banner.getByRole('link', { name: 'Lire la version 1.2' }).click();
  await expect(page.locator('[data-banner="upcoming"]')).toContainText('elle le sera le 15 janvier 2027');
  await expect(page.locator('[data-banner="upcoming"]').getByRole('link')).toHaveAttribute(
    'href',
    '/fr/politique-de-confidentialite/',
  );
  await page.goto(`${announced}/en/privacy-policy/history/`);
  await expect(page.locator('tr[data-version="1.2"] [data-status]')).toHaveText('Upcoming');
  await expect(page.locator('tr[data-version="1.1"] [data-status]')).toHaveText('In force');
  await page.goto(`${announced}/en/privacy-policy/`);
  await expect(page.locator('[data-banner="announcement"]')).toContainText(
    'A new version (1.2) takes effect on January 15, 2027.',
  );
});

test('printing leaves out navigation and keeps the text, with the version and its permanent address', async ({
  page,
}) => {
  await page.goto('/fr/politique-de-confidentialite/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.toc')).toBeHidden();
  await expect(page.locator('#section-1')).toBeVisible();
  await expect(page.locator('[data-print-address]')).toBeVisible();
  await expect(page.locator('[data-print-address]')).toContainText(
    /Version 1\.\d, à son adresse permanente : http.*\/fr\/politique-de-confidentialite\/1\.\d\//,
  );
});

test('a first visit prints no cookie banner', async ({ browser, baseURL }) => {
  // No stored choice here (the file's own storage state is set aside): the banner is up on screen.
  const context = await browser.newContext({ baseURL: baseURL!, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto('/fr/politique-de-confidentialite/');
  await expect(page.locator('#citim-consent .cc-banner')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('#citim-consent')).toBeHidden();
  await context.close();
});

test('each page names itself, its counterpart and the French default as alternates; pages outside the sitemap say noindex', async ({
  page,
}) => {
  await page.goto('/en/privacy-policy/compare/1.0-1.1/');
  const alternates = await page
    .locator('link[rel="alternate"][hreflang]')
    .evaluateAll((links) =>
      links.map((l) => `${l.getAttribute('hreflang')} ${new URL(l.getAttribute('href')!).pathname}`),
    );
  expect(alternates.sort()).toEqual([
    'en-CA /en/privacy-policy/compare/1.0-1.1/',
    'fr-CA /fr/politique-de-confidentialite/comparer/1.0-1.1/',
    'x-default /fr/politique-de-confidentialite/comparer/1.0-1.1/',
  ]);
  // The language switch leads to the same comparison, not to the other language's list of comparisons.
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/comparer\/1\.0-1\.1\/$/);
  for (const path of ['/fr/recherche/', '/en/request/status/', '/404/']) {
    await page.goto(path);
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
    await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
  }
});

test('switching language keeps what the page shows: the versions compared, the words searched', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/comparer/?from=1.1&to=1.0');
  await expect(page.locator('#compare-title')).toBeVisible();
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/en\/privacy-policy\/compare\/\?from=1\.1&to=1\.0$/);
  await expect(page.getByRole('heading', { name: 'Changes between versions 1.1 and 1.0' })).toBeVisible();
  await page.goto('/en/search/');
  await page.getByLabel('Words to search for').last().fill('consent');
  await page.getByRole('button', { name: 'Search' }).last().click();
  // A person switches once the results are there (a click before the page's script woke sends the form itself).
  await expect(page.locator('#search-status')).toContainText('consent');
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/fr\/recherche\/\?q=consent$/);
  await expect(page.locator('#search-query')).toHaveValue('consent');
});

test('a document opens with what changed and where to go next, and its contents are numbered once', async ({
  page,
}) => {
  await page.goto('/fr/politique-de-confidentialite/');
  const changes = page.getByRole('heading', { name: 'Changements dans cette version' });
  await expect(changes).toBeVisible();
  const links = page.getByRole('navigation', { name: 'Autour de ce document' });
  await expect(links.getByRole('link', { name: 'Historique des versions' })).toBeVisible();
  // Before the text, not after 6,000 words.
  const order = await page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label="Autour de ce document"]')!;
    const first = document.getElementById('section-1')!;
    return nav.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING;
  });
  expect(order).toBeTruthy();
  await expect(page.locator('.toc ol')).toHaveCSS('list-style-type', 'none');
  await expect(page.locator('.toc li').first()).toHaveText(/^1\. Qui nous sommes/);
  // A document with a single version offers no comparison.
  await page.goto('/fr/avis-ptet/');
  await expect(page.getByRole('navigation', { name: 'Autour de ce document' }).getByRole('link')).not.toContainText([
    'Comparer des versions',
  ]);
});

test('the follow link explains the feed in plain words and shows what it announces', async ({ page }) => {
  await page.goto('/en/privacy-policy/');
  await page.getByRole('link', { name: 'Follow changes (Atom feed)' }).first().click();
  await expect(page).toHaveURL(/\/en\/privacy-policy\/follow\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Follow the changes — Privacy policy');
  await expect(page.getByLabel('Address of the feed to copy into your reader')).toHaveValue(
    /^https?:\/\/[^/]+\/en\/privacy-policy\/atom\.xml$/,
  );
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Version 1.1', 'Version 1.0']);
  const feed = page.getByRole('link', { name: /Open the feed/ });
  expect((await page.request.get((await feed.getAttribute('href'))!)).headers()['content-type']).toContain(
    'application/atom+xml',
  );
});

test('the contact block reads properly: a space after each colon, a phone number that never breaks', async ({
  page,
}) => {
  await page.goto('/fr/politique-de-confidentialite/');
  const contact = page.locator('address.contact');
  await expect(contact).toContainText('Par courriel\u00a0: utilisez le formulaire de demande de ce portail');
  // Playwright reads a no-break space as a space: look at the characters themselves.
  const phones = await contact.locator('a[href^="tel:"]').evaluateAll((links) => links.map((l) => l.textContent));
  expect(phones.length).toBeGreaterThan(0);
  for (const phone of phones) expect(phone).toMatch(/^[+\d\u00a0\u2011()]+$/);
  await page.goto('/en/privacy-policy/');
  await expect(page.locator('address.contact')).toContainText('By email: use this portal’s request form');
});

test('the PTET notice says where to reach the CBSA, and the English page points to the CBSA’s official text', async ({
  page,
}) => {
  await page.goto('/fr/avis-ptet/');
  const cbsa = page.getByRole('region', { name: 'Pour vous adresser à l’ASFC' });
  await expect(cbsa.getByRole('link')).toHaveCount(2);
  await expect(cbsa.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/atip-aiprp\.tbs-sct\.gc\.ca\/fr\/$/);
  await expect(cbsa.getByRole('link').last()).toHaveAttribute('href', /cbsa-asfc\.gc\.ca\/.*req-dem-priv-fra\.html$/);
  await page.goto('/en/tfwp-notice/');
  const notice = page.locator('[data-unofficial]');
  await expect(notice).toContainText('CITIM’s translation, provided as an unofficial aid');
  await expect(notice.getByRole('link')).toHaveAttribute('href', /cbsa-asfc\.gc\.ca\/.*tfwp-ptet-eng\.html$/);
  // Before the text itself.
  expect(
    await notice.evaluate((n) => n.compareDocumentPosition(document.querySelector('.prose h2')!) & 4),
  ).toBeTruthy();
});
