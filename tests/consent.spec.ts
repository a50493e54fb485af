// The consent widget as people meet it: on the portal, and on another site that embeds only the bundle.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { PORT } from '../playwright.config.ts';
import { type ConsentRecord, decodeRecord, encodeRecord } from '../widget/core/record.ts';
import { declaration } from '../widget/declaration/index.ts';
import { cookieNames, recorded } from './partner.ts';

/** The portal as another site sees it. Browsers forbid a public page to load from loopback (Private Network
 * Access), so the test names it portal.test and passes its requests to the real server. */
const PORTAL = 'http://portal.test';
const SITE = 'http://www.embed.test';
const fixture = readFileSync(new URL('./fixtures/embed.html', import.meta.url), 'utf8');
const widget = (page: Page) => page.locator('#citim-consent');
const banner = (page: Page) => widget(page).locator('.cc-banner');
const dialog = (page: Page) => widget(page).locator('dialog');

/** Serves the partner page and its probes at www.embed.test; the bundle itself comes from the portal. */
async function partnerSite(context: BrowserContext, attrs = '') {
  const receipts: unknown[] = [];
  await context.route(`${PORTAL}/**`, async (route) => {
    const url = new URL(route.request().url());
    // A test may end (and its context close) while a request is still being passed on.
    await route
      .fetch({ url: `http://127.0.0.1:${PORT}${url.pathname}${url.search}` })
      .then((response) => route.fulfill({ response }))
      .catch(() => undefined);
  });
  await context.route(`${SITE}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/probe.js') {
      return route.fulfill({
        contentType: 'text/javascript',
        body: "window.__stats = (window.__stats || 0) + 1; document.cookie = '_ga=GA1.probe; path=/'; document.cookie = '_ga_XYZ=GS1.probe; path=/; domain=embed.test';",
      });
    }
    if (url.pathname === '/video.html')
      return route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Vidéo</title><p>Lecteur vidéo</p>',
      });
    if (url.pathname === '/consent-receipts') {
      receipts.push(route.request().postDataJSON());
      return route.fulfill({ status: 201, body: '' });
    }
    return route.fulfill({ contentType: 'text/html', body: fixture.replace('PORTAL', PORTAL).replace('ATTRS', attrs) });
  });
  return receipts;
}

const stored = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: 'returning0001',
  created: Date.now() - 86_400_000,
  updated: Date.now() - 86_400_000,
  choices: { preferences: false, statistics: true, advertising: false, social: false },
  revision: declaration.revision,
  policy: '1.1',
  gpc: false,
  method: 'custom',
  services: {},
  ...over,
});

test.describe('on the portal', () => {
  test('a first visit shows three equal choices and sets no cookie at all', async ({ page, context }) => {
    await page.goto('/fr/');
    await expect(banner(page)).toBeVisible();
    const buttons = banner(page).getByRole('button');
    await expect(buttons).toHaveText(['Tout accepter', 'Tout refuser', 'Personnaliser']);
    const boxes = await Promise.all([0, 1, 2].map((i) => buttons.nth(i).boundingBox()));
    expect(new Set(boxes.map((b) => Math.round(b!.height))).size).toBe(1);
    expect(new Set(boxes.map((b) => Math.round(b!.width))).size).toBe(1);
    expect(await context.cookies()).toEqual([]);
  });

  test('refusing is one click, stored in a compact first-party cookie, and the banner does not come back', async ({
    page,
    context,
  }) => {
    await page.goto('/fr/politique-de-confidentialite/');
    const filed = page.waitForResponse((r) => r.url().endsWith('/api/consent-receipts'));
    await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
    // The portal files the receipt with its own function.
    expect((await filed).status()).toBe(201);
    await expect(banner(page)).toHaveCount(0);
    await expect
      .poll(() => recorded(context))
      .toMatchObject({
        method: 'refuse-all',
        services: {},
        policy: '1.1',
        choices: { statistics: false, advertising: false },
      });
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'citim_consent', sameSite: 'Lax', path: '/', domain: '127.0.0.1' });
    expect(cookie!.value.length).toBeLessThan(80);
    await page.reload();
    await expect(widget(page)).toHaveCount(0);
  });

  test('the banner overlays the page without moving it', async ({ page }) => {
    await page.goto('/fr/politique-de-confidentialite/');
    await expect(banner(page)).toBeVisible();
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) total += (e as unknown as { value: number }).value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift).toBe(0);
    await expect(banner(page)).toHaveCSS('position', 'fixed');
  });

  test('a keyboard alone can customise, and the dialog keeps and returns focus', async ({ page, context }) => {
    await page.goto('/en/');
    await expect(banner(page)).toBeVisible();
    // The page's skip link stays first; the banner is one Shift+Tab away from the top.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    const customise = banner(page).getByRole('button', { name: 'Customize' });
    await expect(customise).toBeFocused();
    // While the banner is shown, the page keeps focused elements clear of it.
    expect(
      await page.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom)),
    ).toBeGreaterThan(50);
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('heading', { name: 'Cookie preferences' })).toBeFocused();
    // Focus never leaves the dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('citim-consent');
    }
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(customise).toBeFocused();
    await page.keyboard.press('Enter');
    await dialog(page).getByRole('checkbox', { name: 'Audience measurement' }).focus();
    await page.keyboard.press('Space');
    await dialog(page).getByRole('button', { name: 'Save my choices' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeHidden();
    await expect
      .poll(() => recorded(context))
      .toMatchObject({
        method: 'custom',
        services: {},
        choices: { statistics: true, advertising: false, preferences: false, social: false },
      });
  });

  test('preferences can be changed at any time from the footer, and a receipt downloaded', async ({ page }) => {
    await page.goto('/fr/');
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Préférences de témoins' }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(dialog(page).getByRole('checkbox', { name: 'Publicité' })).toBeChecked();
    const download = page.waitForEvent('download');
    await dialog(page).getByRole('button', { name: 'Télécharger mon reçu de consentement' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^consent-\d{4}-\d{2}-\d{2}-[a-z0-9]{12}\.json$/);
    const receipt = JSON.parse(readFileSync((await file.path())!, 'utf8'));
    expect(receipt).toMatchObject({
      type: 'consent-receipt',
      policyVersion: '1.1',
      method: 'accept-all',
      services: {},
      choices: { necessary: true, advertising: true },
      declarationRevision: declaration.revision,
    });
    await dialog(page).getByRole('checkbox', { name: 'Publicité' }).uncheck();
    await dialog(page).getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(dialog(page)).toBeHidden();
  });

  test('the cookie page lists every declared cookie, and works as a link without JavaScript', async ({ page }) => {
    await page.goto('/fr/temoins/');
    await expect(page.locator('main table')).toHaveCount(5);
    await expect(page.locator('main')).toContainText('_ga_*');
    await page.getByRole('main').getByRole('link', { name: 'Gérer mes préférences' }).click();
    await expect(dialog(page)).toBeVisible();
  });

  test('every revision a receipt can name has its page, showing what was declared then', async ({ page }) => {
    await page.goto('/fr/temoins/');
    await page.getByRole('link', { name: new RegExp(`^Révision ${declaration.revision}, publiée le`) }).click();
    await expect(page).toHaveURL(`/fr/temoins/revision-${declaration.revision}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Déclaration des témoins, révision ${declaration.revision}`,
    );
    await expect(page.getByRole('main')).toContainText('est celle en vigueur');
    const cookies = declaration.categories.flatMap((c) => c.services.flatMap((s) => s.cookies.map((k) => k.name)));
    await expect(page.locator('main table code')).toHaveText(cookies);
    await page.getByRole('link', { name: 'Read this page in English' }).click();
    await expect(page).toHaveURL(`/en/cookies/revision-${declaration.revision}/`);
  });

  // One language and colour scheme per test: two axe runs each, which take long on a busy machine.
  for (const [path, customise] of [
    ['/fr/', 'Personnaliser'],
    ['/en/privacy-policy/', 'Customize'],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`banner and dialog have no axe violations on ${path} (${colorScheme})`, async ({ page }) => {
        test.slow();
        await page.emulateMedia({ colorScheme });
        await page.goto(path);
        await expect(banner(page)).toBeVisible();
        const onBanner = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(onBanner.violations.map((v) => v.id)).toEqual([]);
        await banner(page).getByRole('button', { name: customise }).click();
        await expect(dialog(page)).toBeVisible();
        const onDialog = await new AxeBuilder({ page })
          .include('#citim-consent')
          .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
          .analyze();
        expect(onDialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
      });
    }
  }

  test('fits a 320 px wide screen and honours reduced motion', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      baseURL: baseURL!,
      viewport: { width: 320, height: 640 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto('/fr/');
    for (const name of ['Tout accepter', 'Tout refuser', 'Personnaliser'])
      await expect(banner(page).getByRole('button', { name })).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expect(banner(page)).toHaveCSS('animation-name', 'none');
    await banner(page).getByRole('button', { name: 'Personnaliser' }).click();
    const box = await dialog(page).boundingBox();
    expect(box!.width).toBeLessThanOrEqual(320);
    await context.close();
  });

  test('Global Privacy Control refuses advertising before any choice, says so, and an explicit choice wins', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL: baseURL! });
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    const page = await context.newPage();
    await page.goto('/en/');
    await expect(banner(page)).toContainText('Global Privacy Control');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect
      .poll(() => recorded(context))
      .toMatchObject({ gpc: true, choices: { statistics: true, advertising: false } });
    await page.evaluate(() => (window as unknown as { citimConsent: { open: () => void } }).citimConsent.open());
    await expect(dialog(page)).toContainText('Global Privacy Control');
    await dialog(page).getByRole('checkbox', { name: 'Advertising' }).check();
    await dialog(page).getByRole('button', { name: 'Save my choices' }).click();
    await expect.poll(async () => (await recorded(context))?.choices.advertising).toBe(true);
    const gpc = await (await context.request.get('/.well-known/gpc.json')).json();
    expect(gpc.gpc).toBe(true);
    await context.close();
  });

  test('a widget whose code could not load comes when the person asks for their preferences', async ({ page }) => {
    let refused = 0;
    await page.route(/\/widget\/chunks\/view-\w+\.[\w-]+\.js$/, (route) =>
      refused++ === 0 ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.goto('/fr/temoins/');
    await expect.poll(() => refused).toBe(1);
    await expect(widget(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Gérer mes préférences' }).click();
    await expect(dialog(page).getByRole('heading', { name: 'Préférences de témoins' })).toBeFocused();
    await dialog(page).getByRole('button', { name: 'Tout refuser' }).click();
    await expect(dialog(page)).toHaveCount(0);
  });
});

test.describe('embedded with one script tag on another site', () => {
  test('nothing non-essential runs before consent: no cookie, no gated script, no iframe', async ({
    page,
    context,
  }) => {
    await partnerSite(context);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    expect(
      await page.evaluate(() => [
        (window as unknown as { __stats?: number }).__stats,
        (window as unknown as { __ads?: number }).__ads,
      ]),
    ).toEqual([undefined, undefined]);
    expect(await cookieNames(context)).toEqual([]);
    expect(requests).not.toContain('/probe.js');
    expect(requests).not.toContain('/video.html');
    // The host page's styles do not reach the widget.
    await expect(banner(page).getByRole('button').first()).not.toHaveCSS('background-color', 'rgb(255, 105, 180)');
    // Consent Mode v2 starts denied.
    expect(
      await page.evaluate(() =>
        JSON.stringify((window as unknown as { dataLayer: IArguments[] }).dataLayer.map((a) => [...a])),
      ),
    ).toContain('"default",{"ad_storage":"denied"');
  });

  test('accepting runs the gated scripts and loads the embeds; a receipt is filed; withdrawing deletes the cookies', async ({
    page,
    context,
  }) => {
    const receipts = await partnerSite(context);
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stats?: number }).__stats)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __ads?: number }).__ads)).toBe(1);
    await expect(page.locator('iframe')).toHaveAttribute('src', '/video.html');
    // Cookies a script writes reach the browser's cookie store a moment later: asked until they are there.
    await expect.poll(() => cookieNames(context)).toEqual(['_fbp', '_ga', '_ga_XYZ', 'citim_consent']);
    const consent = (await context.cookies()).find((c) => c.name === 'citim_consent')!;
    expect(consent.domain).toBe('.embed.test');
    await expect.poll(() => receipts.length).toBe(1);
    expect(receipts[0]).toMatchObject({
      type: 'consent-receipt',
      site: 'www.embed.test',
      method: 'accept-all',
      services: {},
      choices: { statistics: true },
    });
    expect(
      await page.evaluate(() =>
        JSON.stringify((window as unknown as { dataLayer: IArguments[] }).dataLayer.map((a) => [...a])),
      ),
    ).toContain('"update",{"ad_storage":"granted"');

    // Withdraw statistics: its cookies go (host and parent domain); the page reloads so its script does not run again.
    await page.getByRole('button', { name: 'Préférences de témoins' }).click();
    await dialog(page).getByRole('checkbox', { name: 'Mesure d’audience' }).uncheck();
    const reloaded = page.waitForEvent('load');
    await dialog(page).getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await reloaded;
    await expect.poll(() => cookieNames(context)).toEqual(['_fbp', 'citim_consent']);
    expect(await page.evaluate(() => (window as unknown as { __stats?: number }).__stats)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __ads?: number }).__ads)).toBe(1);
    await expect.poll(() => receipts.length).toBe(2);
  });

  test('a blocked embed waits behind a placeholder naming its provider, which can load it', async ({
    page,
    context,
  }) => {
    await partnerSite(context);
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
    const placeholder = page.locator('citim-consent-gate');
    await expect(placeholder).toContainText(
      'Ce contenu de YouTube dépose des témoins de la catégorie « Réseaux sociaux et vidéos »',
    );
    await expect(page.locator('iframe')).toBeHidden();
    await placeholder.getByRole('button', { name: 'Charger ce contenu' }).click();
    await expect(page.locator('iframe')).toBeVisible();
    await expect(page.frameLocator('iframe').getByText('Lecteur vidéo')).toBeVisible();
    expect(await cookieNames(context)).toEqual(['citim_consent']);
  });

  test('content added after load is gated too', async ({ page, context }) => {
    await partnerSite(context);
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.dataset['consent'] = 'preferences';
      s.text = 'window.__late = true;';
      document.body.append(s);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __late?: boolean }).__late)).toBe(true);
  });

  test('asks again after a version requiring renewed consent, linking to what changed', async ({ page, context }) => {
    await partnerSite(context, 'data-policy="2.0" data-renew-since="2.0"');
    await context.addCookies([
      { name: 'citim_consent', value: encodeRecord(stored()), domain: '.embed.test', path: '/' },
    ]);
    await page.goto(SITE);
    await expect(banner(page)).toContainText('version 1.1 → 2.0');
    await expect(banner(page).getByRole('link', { name: 'Voir les changements' })).toHaveAttribute(
      'href',
      /\/fr\/politique-de-confidentialite\/comparer\/\?from=1\.1&to=2\.0$/,
    );
    // Until the person answers, the old choice does not count.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { citimConsent: { get: () => Record<string, boolean> } }).citimConsent.get()
              .statistics,
        ),
      )
      .toBe(false);
  });

  test('keeps a returning visitor’s choice without drawing anything, nor downloading the view', async ({
    page,
    context,
  }) => {
    await partnerSite(context);
    // Social media accepted too: no embed waits behind a placeholder, so nothing is there to show.
    const choices = { preferences: false, statistics: true, advertising: false, social: true };
    await context.addCookies([
      { name: 'citim_consent', value: encodeRecord(stored({ choices })), domain: '.embed.test', path: '/' },
    ]);
    const files: string[] = [];
    page.on('request', (r) => files.push(new URL(r.url()).pathname));
    await page.goto(SITE);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stats?: number }).__stats)).toBe(1);
    await expect(widget(page)).toHaveCount(0);
    // The page has a gated video (allowed: its address comes from a small chunk) and Google Consent Mode without the
    // classic script (the module tells Google, from a small chunk too); no view, no words.
    const widgetFiles = files.filter((f) => f.startsWith('/widget/')).map((f) => f.replace(/\.[\w-]+\.js$/, '.js'));
    expect(widgetFiles.sort()).toEqual(['/widget/chunks/frames.js', '/widget/chunks/google.js', '/widget/consent.js']);
  });

  test('treats a malformed or tampered cookie as no decision, without an error, and cleans up a duplicate', async ({
    page,
    context,
  }) => {
    await partnerSite(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await context.addCookies([
      { name: 'citim_consent', value: 'garbage%E0%A4%A', domain: 'www.embed.test', path: '/' },
    ]);
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    const tampered = encodeRecord(stored()).replace('-0100-', '-1111-');
    await context.clearCookies();
    await context.addCookies([{ name: 'citim_consent', value: tampered, domain: '.embed.test', path: '/' }]);
    await page.reload();
    await expect(banner(page)).toBeVisible();
    // A domain change left two copies: the latest is kept, once, on the configured domain.
    await context.clearCookies();
    const older = encodeRecord(
      stored({
        updated: Date.now() - 5 * 86_400_000,
        created: Date.now() - 5 * 86_400_000,
        choices: { preferences: false, statistics: false, advertising: false, social: false },
      }),
    );
    await context.addCookies([
      { name: 'citim_consent', value: older, domain: 'www.embed.test', path: '/' },
      { name: 'citim_consent', value: encodeRecord(stored()), domain: '.embed.test', path: '/' },
    ]);
    await page.reload();
    await expect(widget(page)).toHaveCount(0);
    const copies = (await context.cookies()).filter((c) => c.name === 'citim_consent');
    expect(copies).toHaveLength(1);
    expect(copies[0]!.domain).toBe('.embed.test');
    expect(decodeRecord(copies[0]!.value)?.choices.statistics).toBe(true);
    expect(errors).toEqual([]);
  });
});
