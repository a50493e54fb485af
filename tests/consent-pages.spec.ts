// The consent widget where outside audits found it wanting: several tabs and sites sharing one decision, pages that
// change under it, Google Consent Mode, hostile pages (a polluted prototype, a replaced built-in,
// right to left), 400 % zoom, and the way back to the choice on a page without a link.
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { banner, dialog, html, partner, queue, recorded, remember, SITE, stored, tag, widget } from './partner.ts';

const SHOP = 'http://shop.embed.test';
const statistics = `<script type="text/plain" data-consent="statistics">window.__stats = (window.__stats || 0) + 1; document.cookie = '_ga=GA1.x; path=/';</script>`;
const probe = <T>(page: Page, name: string) => page.evaluate((n) => (window as unknown as Record<string, T>)[n], name);
const consentNow = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { citimConsent: { get: () => Record<string, boolean> } }).citimConsent.get(),
  );
const api = (page: Page, action: 'acceptAll' | 'refuseAll') =>
  page.evaluate((a) => (window as unknown as { citimConsent: Record<string, () => void> }).citimConsent[a]!(), action);

test.describe('one decision across tabs and sites', () => {
  // Two or three pages at once: room for a busy two-core machine.
  test.slow();
  test('a refusal in one tab stops, at once, what another open tab was running', async ({ context }) => {
    await partner(context, { pages: { '/': html(tag(), statistics), '/other': html(tag(), statistics) } });
    await remember(context, stored());
    const [first, second] = [await context.newPage(), await context.newPage()];
    await first.goto(SITE);
    await second.goto(`${SITE}/other`);
    await expect.poll(() => probe(second, '__stats')).toBe(1);
    const reloaded = second.waitForEvent('load');
    await api(first, 'refuseAll');
    // The other tab reloads with nothing optional running, and knows the decision in force.
    await reloaded;
    expect(await probe(second, '__stats')).toBeUndefined();
    await expect
      .poll(() => consentNow(second).catch(() => null))
      .toMatchObject({ statistics: false, advertising: false });
  });

  test('a banner left open in another tab goes when a decision is made elsewhere', async ({ context }) => {
    await partner(context, { pages: { '/': html(tag()), '/other': html(tag()) } });
    const [first, second] = [await context.newPage(), await context.newPage()];
    await first.goto(SITE);
    await second.goto(`${SITE}/other`);
    await expect(banner(second)).toBeVisible();
    await banner(first).getByRole('button', { name: 'Tout refuser' }).click();
    await expect(banner(second)).toBeHidden();
  });

  test('a change made on another of the sites, with stale preferences open, starts from the decision in force', async ({
    context,
  }) => {
    // Two origins sharing the cookie's domain: no channel between them, only the cookie.
    await partner(context, { pages: { '/': html(tag()) } });
    await remember(context, stored());
    const [www, shop] = [await context.newPage(), await context.newPage()];
    await www.goto(SITE);
    await shop.goto(SHOP);
    await shop.evaluate(() => (window as unknown as { citimConsent: { open: () => void } }).citimConsent.open());
    await expect(dialog(shop).getByRole('checkbox', { name: /Mesure d’audience/ })).toBeChecked();
    await api(www, 'refuseAll');
    await expect.poll(() => recorded(context)).toMatchObject({ method: 'api' });
    // In the stale tab, one switch turned on and saved: only that one is allowed.
    await dialog(shop)
      .getByRole('checkbox', { name: /Réseaux sociaux/ })
      .click();
    await expect(dialog(shop).getByRole('checkbox', { name: /Mesure d’audience/ })).not.toBeChecked();
    await dialog(shop).getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect
      .poll(() => recorded(context))
      .toMatchObject({ choices: { preferences: false, statistics: false, advertising: false, social: true } });
  });
});

test.describe('pages that change before the decision', () => {
  test('an embed taken out of the page never loads and leaves no placeholder; one moved keeps exactly one', async ({
    context,
    page,
  }) => {
    const embed = (n: number) =>
      `<iframe id="e${n}" data-consent="social" data-service="youtube" data-provider="YouTube" data-src="https://video.test/${n}" title="Vidéo ${n}"></iframe>`;
    await partner(context, {
      pages: { '/': html(tag(), `<section id="a">${embed(1)}${embed(2)}</section><section id="b"></section>`) },
    });
    const loads: string[] = [];
    await context.route('https://video.test/**', (route) => {
      loads.push(route.request().url());
      return route.fulfill({ body: 'video' });
    });
    await page.goto(SITE);
    await expect(page.locator('citim-consent-gate')).toHaveCount(2);
    await page.evaluate(() => {
      document.querySelector('#e1')?.remove();
      document.querySelector('#b')?.append(document.querySelector('#e2')!);
    });
    await expect(page.locator('citim-consent-gate')).toHaveCount(1);
    await expect(page.locator('#b citim-consent-gate + #e2')).toHaveCount(1);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect(page.locator('#e2')).toHaveAttribute('src', 'https://video.test/2');
    // The attribute is set before the frame's request reaches the route: wait for it, then for nothing more.
    await expect.poll(() => loads).toEqual(['https://video.test/2']);
    await expect(page.locator('citim-consent-gate')).toHaveCount(0);
    expect(loads).toEqual(['https://video.test/2']);
  });

  test('a gated script taken out before the decision never runs', async ({ context, page }) => {
    await partner(context, { pages: { '/': html(tag(), statistics) } });
    await page.goto(SITE);
    await page.evaluate(() => document.querySelector('script[data-consent]')?.remove());
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => recorded(context)).toMatchObject({ method: 'accept-all' });
    expect(await probe(page, '__stats')).toBeUndefined();
  });

  test('two blocked embeds: each placeholder’s buttons say which embed they load', async ({ context, page }) => {
    const frame = (title: string) =>
      `<iframe data-consent="social" data-service="youtube" data-provider="YouTube" data-src="https://video.test/1" title="${title}"></iframe>`;
    await partner(context, { pages: { '/': html(tag(), frame('Bienvenue au CITIM') + frame('Chercher un emploi')) } });
    await page.goto(SITE);
    for (const title of ['Bienvenue au CITIM', 'Chercher un emploi']) {
      await expect(page.getByRole('button', { name: `Charger ce contenu (« ${title} »)` })).toHaveCount(1);
      await expect(page.getByRole('button', { name: `Toujours autoriser : YouTube (« ${title} »)` })).toHaveCount(1);
    }
  });
});

test.describe('Google Consent Mode', () => {
  const google = (attrs = '') => `<script src="http://portal.test/widget/consent-mode.js" ${attrs}></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');</script>
${tag('data-consent-mode="google"')}`;

  test('ads data redaction before Google’s configuration on a first visit, and after a refusal', async ({
    context,
    page,
  }) => {
    await partner(context, { pages: { '/': html(google()), '/plain': html(tag('data-consent-mode="google"')) } });
    await page.goto(SITE);
    const commands = await queue(page);
    const redaction = commands.findIndex((c) => c[0] === 'set' && c[1] === 'ads_data_redaction');
    expect(commands[redaction]).toEqual(['set', 'ads_data_redaction', true]);
    expect(redaction).toBeLessThan(commands.findIndex((c) => c[0] === 'config'));
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(async () => (await queue(page)).at(-1)).toEqual(['set', 'ads_data_redaction', false]);
    await api(page, 'refuseAll');
    await expect.poll(async () => (await queue(page)).at(-1)).toEqual(['set', 'ads_data_redaction', true]);
    // Without the classic script, the module says it too.
    await context.clearCookies();
    await page.goto(`${SITE}/plain`);
    await expect.poll(() => queue(page)).toContainEqual(['set', 'ads_data_redaction', true]);
  });

  test('refusing Google Analytics alone denies analytics_storage; Google Ads alone, the advertising types', async ({
    context,
    page,
  }) => {
    await partner(context, { pages: { '/': html(google()) } });
    await remember(context, stored({ method: 'custom', services: { analytics: false } }));
    await page.goto(SITE);
    const update = (await queue(page)).findLast((c) => c[0] === 'consent' && c[1] === 'update');
    expect(update?.[2]).toMatchObject({ analytics_storage: 'denied', ad_storage: 'granted' });
    await page.evaluate(() => (window as unknown as { citimConsent: { open: () => void } }).citimConsent.open());
    for (const [category, service] of [
      ['Mesure d’audience', 'Google Analytics (Google)'],
      ['Publicité', 'Google Ads (Google)'],
    ] as const) {
      const fieldset = dialog(page).locator('fieldset', { hasText: category });
      await fieldset.locator('summary').click();
      await fieldset.getByRole('checkbox', { name: service }).click();
    }
    await dialog(page).getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect
      .poll(async () => (await queue(page)).findLast((c) => c[0] === 'consent')?.[2])
      .toMatchObject({ analytics_storage: 'granted', ad_storage: 'denied', ad_user_data: 'denied' });
  });
});

test.describe('hostile host pages', () => {
  /** What a vulnerable library's prototype pollution plants, as settings, attributes and choices. */
  const pollute = (context: BrowserContext) =>
    context.addInitScript(() => {
      const planted: Record<string, unknown> = {
        endpoint: 'https://collector.test/r',
        'policy-url': 'javascript:alert(1)',
        policyUrl: 'javascript:alert(1)',
        'max-age-days': '1',
        maxAgeDays: '1',
        domain: 'elsewhere.test',
        expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
        secure: true,
        consentLoaded: '',
        youtube: true,
        analytics: true,
        statistics: true,
        each: () => undefined,
      };
      for (const [name, value] of Object.entries(planted)) (Object.prototype as Record<string, unknown>)[name] = value;
    });

  test('a polluted Object.prototype is never read as a setting, an attribute or a choice, and loses no decision', async ({
    context,
    page,
  }) => {
    await pollute(context);
    const receipts = await partner(context, {
      pages: {
        '/': html(
          tag('data-endpoint="/consent-receipts"'),
          `${statistics}<iframe data-consent="social" data-service="youtube" data-provider="YouTube" data-src="https://video.test/1" title="v"></iframe>`,
        ),
      },
    });
    const outside: string[] = [];
    page.on('request', (r) => !/embed\.test|portal\.test/.test(r.url()) && outside.push(r.url()));
    await page.goto(SITE);
    await expect(banner(page).getByRole('link', { name: 'Politique de confidentialité' })).toHaveAttribute(
      'href',
      /^http:\/\/localhost:\d+\/fr\/politique-de-confidentialite\/$/,
    );
    // Nothing optional ran nor loaded before a choice.
    expect(await probe(page, '__stats')).toBeUndefined();
    await expect(page.locator('iframe')).toBeHidden();
    await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
    await expect.poll(() => receipts.length).toBe(1);
    const cookie = (await context.cookies()).find((c) => c.name === 'citim_consent');
    expect(cookie?.domain).toBe('.embed.test');
    // 180 days, not the planted one.
    expect((cookie?.expires ?? 0) * 1000 - Date.now()).toBeGreaterThan(170 * 86_400_000);
    await page.reload();
    await expect(widget(page)).toHaveCount(0);
    expect(await probe(page, '__stats')).toBeUndefined();
    expect(outside).toEqual([]);
  });

  test('a page that replaces Array.from (Prototype.js) keeps every visitor’s decision', async ({ context, page }) => {
    // Prototype.js's $A: ignores the mapping function.
    await context.addInitScript(() => {
      Array.from = ((iterable: ArrayLike<unknown>) => Array.prototype.slice.call(iterable)) as typeof Array.from;
    });
    await partner(context, { pages: { '/': html(tag()) } });
    for (let visitor = 0; visitor < 5; visitor++) {
      await context.clearCookies();
      await page.goto(SITE);
      await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
      await expect.poll(async () => (await recorded(context))?.id).toMatch(/^[a-z0-9]{12}$/);
      await page.reload();
      await expect(widget(page)).toHaveCount(0);
    }
  });

  test('a right-to-left page keeps the widget left to right, readable and whole', async ({ context, page }) => {
    await partner(context, {
      pages: { '/': html(tag(), '', 'fr').replace('<html lang="fr">', '<html lang="ar" dir="rtl">') },
    });
    await page.setViewportSize({ width: 375, height: 700 });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    expect(await banner(page).evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    const overflow = await banner(page).evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await banner(page).boundingBox();
    expect(box?.x).toBe(0);
    expect(box?.width).toBe(375);
  });
});

test.describe('accessibility of the banner', () => {
  test('at 400 % zoom (320 × 180), tabbing never hides the focused element under the banner', async ({
    context,
    page,
  }) => {
    const links = Array.from({ length: 24 }, (_, i) => `<p><a href="#l${i}">Lien ${i + 1}</a></p>`).join('');
    await partner(context, { pages: { '/': html(tag(), links) } });
    await page.setViewportSize({ width: 320, height: 180 });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    for (let i = 0; i < 24; i++) {
      await page.keyboard.press('Tab');
      const hidden = await page.evaluate(() => {
        const focused = document.activeElement;
        if (!focused || focused.id === 'citim-consent') return null;
        const shield = document.querySelector('#citim-consent')?.shadowRoot?.querySelector('.cc-banner');
        const a = focused.getBoundingClientRect();
        const b = shield?.getBoundingClientRect();
        if (!b) return 'no banner';
        // Entirely hidden: above the banner's top edge there is nothing of it, or it is out of the window.
        const visibleTop = Math.max(a.top, 0);
        const visibleBottom = Math.min(a.bottom, b.top);
        return visibleBottom > visibleTop ? null : `${focused.textContent} at ${a.top}–${a.bottom}, banner ${b.top}`;
      });
      expect(hidden).toBeNull();
    }
  });

  test('at 375 px the banner’s three buttons keep the same size', async ({ context, page }) => {
    await partner(context, { pages: { '/': html(tag()) } });
    for (const width of [320, 375, 600, 1024]) {
      await page.setViewportSize({ width, height: 700 });
      await page.goto(SITE);
      await expect(banner(page)).toBeVisible();
      const boxes = await banner(page)
        .getByRole('button')
        .evaluateAll((buttons) =>
          buttons.map((b) => b.getBoundingClientRect()).map(({ width, height }) => ({ width, height })),
        );
      expect(boxes).toHaveLength(3);
      for (const box of boxes) {
        expect(box.width).toBeCloseTo(boxes[0]!.width, 0);
        expect(box.height).toBe(boxes[0]!.height);
      }
    }
  });
});

test.describe('a way back to the choice on every page', () => {
  test('the reopen button, turned on by one setting, opens the choice, covers nothing and takes focus back', async ({
    context,
    page,
  }) => {
    await partner(context, { pages: { '/': html(tag('data-reopen-button'), '<footer><p>Pied de page</p></footer>') } });
    await remember(context, stored());
    await page.goto(SITE);
    const reopen = page.getByRole('button', { name: 'Préférences de témoins' });
    await expect(reopen).toBeVisible();
    // In the page's flow, after its content: nothing lies under it.
    expect(await reopen.evaluate((b) => getComputedStyle((b.getRootNode() as ShadowRoot).host).position)).toBe(
      'static',
    );
    const footer = await page.locator('footer').boundingBox();
    const button = await reopen.boundingBox();
    expect(button!.y).toBeGreaterThanOrEqual(footer!.y + footer!.height);
    await reopen.focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole('button', { name: 'Tout refuser' }).click();
    await expect.poll(() => recorded(context)).toMatchObject({ method: 'refuse-all' });
    await expect(reopen).toBeFocused();
  });

  test('without the setting, no button is added', async ({ context, page }) => {
    await partner(context, { pages: { '/': html(tag()) } });
    await remember(context, stored());
    await page.goto(SITE);
    await expect.poll(() => consentNow(page)).toMatchObject({ statistics: true });
    await expect(page.locator('#citim-consent-reopen')).toHaveCount(0);
  });
});
