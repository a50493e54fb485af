// The consent widget on the pages other sites make: Google's tag in its real order, hostile styles and security
// policies, redirected addresses, decisions that must clear what they refuse, and what the banner must say and do.
import { expect, test } from '@playwright/test';
import { declaration } from '../widget/declaration/index.ts';
import {
  banner,
  cookieNames,
  dialog,
  html,
  PORTAL,
  partner,
  queue,
  recorded,
  remember,
  SITE,
  stored,
  tag,
  widget,
} from './partner.ts';

/** Google's own snippet, as its documentation gives it, after our classic script. */
const google = `<script src="${PORTAL}/widget/consent-mode.js"></script>
<script async src="/gtag.js"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-TEST');</script>
${tag('data-consent-mode="google"')}`;

test.describe('Google Consent Mode in the order Google documents', () => {
  test('the default (denied) comes before Google’s tag is configured', async ({ page, context }) => {
    await partner(context, { pages: { '/': html(google) } });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    const commands = await queue(page);
    expect(commands[0]).toEqual([
      'consent',
      'default',
      expect.objectContaining({ ad_storage: 'denied', analytics_storage: 'denied' }),
    ]);
    expect(commands.findIndex((c) => c[0] === 'js')).toBeGreaterThan(0);
  });

  test('a returning visitor’s standing decision reaches Google before its configuration, on every page', async ({
    page,
    context,
  }) => {
    await partner(context, { pages: { '/': html(google), '/plain': html(tag('data-consent-mode="google"')) } });
    await remember(context, stored());
    await page.goto(SITE);
    await expect.poll(() => queue(page)).toContainEqual(['config', 'G-TEST']);
    const commands = await queue(page);
    const update = commands.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    expect(commands[update]![2]).toMatchObject({ ad_storage: 'granted', analytics_storage: 'granted' });
    expect(update).toBeLessThan(commands.findIndex((c) => c[0] === 'config'));
    // Without the classic script, the module still tells Google the standing decision as it starts.
    await page.goto(`${SITE}/plain`);
    await expect
      .poll(async () => (await queue(page)).map((c) => `${c[0]}:${c[1]}`))
      .toEqual(['consent:default', 'set:ads_data_redaction', 'consent:update', 'set:ads_data_redaction']);
  });
});

test.describe('what a decision clears', () => {
  const statistics = `<script type="text/plain" data-consent="statistics">document.cookie = '_ga=GA1.stats'; window.__stats = (window.__stats || 0) + 1;</script>`;

  test('"Refuse all" after a renewal deletes the cookies of categories accepted before it', async ({
    page,
    context,
  }) => {
    await partner(context, { pages: { '/': html(tag()) } });
    await remember(context, stored({ revision: declaration.revision + 1 }));
    await context.addCookies([{ name: '_ga', value: 'GA1.before', domain: '.embed.test', path: '/' }]);
    await page.goto(SITE);
    await expect(banner(page)).toContainText('Nos témoins ont changé');
    await banner(page).getByRole('button', { name: 'Tout refuser' }).click();
    await expect.poll(() => cookieNames(context)).toEqual(['citim_consent']);
  });

  test('a cookie a script set without a path, deep in the site, goes when its category is withdrawn', async ({
    page,
    context,
  }) => {
    await partner(context, { pages: { '/blog/post': html(tag(), statistics) } });
    await page.goto(`${SITE}/blog/post`);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => context.cookies().then((c) => c.find((k) => k.name === '_ga')?.path)).toBe('/blog');
    const reloaded = page.waitForEvent('load');
    await page.evaluate(() =>
      (window as unknown as { citimConsent: { refuseAll: () => void } }).citimConsent.refuseAll(),
    );
    await reloaded;
    expect(await cookieNames(context)).toEqual(['citim_consent']);
  });

  test('withdrawing a category whose script ran reloads at once, even when the receipt endpoint hangs', async ({
    page,
    context,
  }) => {
    await partner(context, {
      pages: { '/': html(tag('data-endpoint="/consent-receipts"'), statistics) },
      hangReceipts: true,
    });
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stats?: number }).__stats)).toBe(1);
    const reloaded = page.waitForEvent('load', { timeout: 3_000 });
    await page.evaluate(() =>
      (window as unknown as { citimConsent: { refuseAll: () => void } }).citimConsent.refuseAll(),
    );
    await reloaded;
    expect(await page.evaluate(() => (window as unknown as { __stats?: number }).__stats)).toBeUndefined();
  });

  test('Global Privacy Control refuses advertising to a stored "accept all" made without it, and says so in the cookie', async ({
    browser,
  }) => {
    const context = await browser.newContext();
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
    await partner(context, {
      pages: {
        '/': html(
          tag(),
          `<script type="text/plain" data-consent="advertising">window.__ads = 1; document.cookie = '_fbp=fb.1';</script>`,
        ),
      },
    });
    await remember(context, stored());
    await context.addCookies([{ name: '_fbp', value: 'fb.before', domain: '.embed.test', path: '/' }]);
    const page = await context.newPage();
    await page.goto(SITE);
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { citimConsent: { get: () => Record<string, boolean> } }).citimConsent.get(),
        ),
      )
      .toMatchObject({
        statistics: true,
        advertising: false,
      });
    expect(await page.evaluate(() => (window as unknown as { __ads?: number }).__ads)).toBeUndefined();
    await expect.poll(() => recorded(context)).toMatchObject({ gpc: true, choices: { advertising: false } });
    await context.close();
  });
});

test.describe('hostile host pages', () => {
  test('the page’s styles neither shrink, recolour nor hide the banner', async ({ page, context }) => {
    const hostile =
      '<style>html { font-size: 62.5% } div { color: #fff !important; background: #fff; font-size: 8px } body * { display: none !important }</style>';
    await partner(context, { pages: { '/': html(hostile + tag()) } });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    const title = banner(page).locator('.cc-title');
    expect(Number.parseFloat(await title.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    expect(await title.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 255, 255)');
  });

  test('the page themes the widget through its documented variables', async ({ page, context }) => {
    await partner(context, {
      pages: {
        '/': html(
          `<style>:root { --citim-consent-accent: rgb(1, 2, 3); --citim-consent-on-accent: rgb(250, 250, 250) }</style>${tag()}`,
        ),
      },
    });
    await page.goto(SITE);
    await expect(banner(page).getByRole('button').first()).toHaveCSS('background-color', 'rgb(1, 2, 3)');
    await expect(banner(page).getByRole('button').first()).toHaveCSS('color', 'rgb(250, 250, 250)');
  });

  test('gated scripts run under a strict nonce policy with Trusted Types', async ({ page, context }) => {
    const csp = `script-src 'nonce-r4nd0m' ${PORTAL}; require-trusted-types-for 'script'`;
    const body = `<script type="text/plain" data-consent="statistics" nonce="r4nd0m">window.__stats = 1;</script>`;
    await partner(context, {
      pages: { '/': { html: html(tag('nonce="r4nd0m"'), body), headers: { 'Content-Security-Policy': csp } } },
    });
    const violations: string[] = [];
    page.on('console', (m) => /Content Security Policy|TrustedScript/i.test(m.text()) && violations.push(m.text()));
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { __stats?: number }).__stats)).toBe(1);
    expect(violations).toEqual([]);
  });

  test('an embed whose address is javascript: never runs, allowed or not', async ({ page, context }) => {
    await partner(context, {
      pages: {
        '/': html(
          tag(),
          '<iframe data-consent="social" data-provider="X" data-src="javascript:parent.__pwned=1" title="x"></iframe>',
        ),
      },
    });
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Tout accepter' }).click();
    await expect(page.locator('iframe')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('iframe').getAttribute('src')).toBeNull();
  });

  // A redirecting alias is covered in widget/embed/config.test.ts: Playwright does not route the target of a redirect.
  test('two tags of the same file, at two addresses, make one widget', async ({ page, context }) => {
    await partner(context, {
      pages: {
        '/': html(`${tag('data-lang="en"')}<script type="module" src="${PORTAL}/widget/consent.js?v=2"></script>`),
      },
    });
    await page.goto(SITE);
    await expect(banner(page).getByRole('button', { name: 'Accept all' })).toBeVisible();
    await expect(page.locator('#citim-consent')).toHaveCount(1);
  });
});

test.describe('what the banner says and does', () => {
  test('names the purposes and the partners before "Accept all", in a named region announced politely', async ({
    page,
    context,
  }) => {
    await partner(context, { pages: { '/': html(tag()) } });
    await page.goto(SITE);
    const region = page.getByRole('region', { name: 'Vos choix de témoins' });
    await expect(region).toContainText(
      /pour : personnalisation, mesure d’audience, publicité, réseaux sociaux et vidéos/,
    );
    await expect(region).toContainText('3 partenaires (Google, Meta, LinkedIn)');
    await expect(widget(page).getByRole('status')).toHaveText('Vos choix de témoins');
    // Nothing took the focus away from the page.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
  });

  test('speaks its own language when it is not the page’s', async ({ page, context }) => {
    await partner(context, { pages: { '/': html(tag('data-lang="fr"'), '', 'en') } });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    await expect(widget(page)).toHaveAttribute('lang', 'fr');
  });

  test('opens its dialog in its own language, downloading no other language’s words or declaration', async ({
    page,
    context,
  }) => {
    await partner(context, { pages: { '/': html(tag('data-lang="en"'), '', 'fr') } });
    const files: string[] = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname;
      if (name.startsWith('/widget/')) files.push(name);
    });
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Customize' }).click();
    await expect(dialog(page).getByRole('heading', { name: 'Cookie preferences' })).toBeFocused();
    await expect(dialog(page).locator('legend')).toHaveText(declaration.categories.map((c) => c.title.en));
    await expect(dialog(page)).toContainText(declaration.categories[2]!.description.en);
    await expect(dialog(page)).not.toContainText(declaration.categories[2]!.description.fr);
    expect(files.filter((f) => /\/chunks\/(view|dialog)-en\./.test(f))).toHaveLength(2);
    expect(files.filter((f) => /-fr\./.test(f))).toEqual([]);
  });

  test('keeps the end of the page reachable above it, and focused links out from under it', async ({
    page,
    context,
  }) => {
    const footer = '<footer><a href="#a">Confidentialité</a> <a href="#b">Contact</a></footer>';
    await partner(context, { pages: { '/': html(tag(), `<div style="height: 2000px"></div>${footer}`) } });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    await page.getByRole('link', { name: 'Contact' }).focus();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const link = (await page.getByRole('link', { name: 'Contact' }).boundingBox())!;
    const top = (await banner(page).boundingBox())!.y;
    expect(link.y + link.height).toBeLessThanOrEqual(top + 1);
  });

  test('records a decision made by a script as such, apart from a person’s click', async ({ page, context }) => {
    const receipts = await partner(context, { pages: { '/': html(tag('data-endpoint="/consent-receipts"')) } });
    await page.goto(SITE);
    await expect(banner(page)).toBeVisible();
    await page.evaluate(() =>
      (window as unknown as { citimConsent: { acceptAll: () => void } }).citimConsent.acceptAll(),
    );
    await expect.poll(() => receipts.map((r) => r.method)).toEqual(['api']);
    await expect.poll(async () => (await recorded(context))?.method).toBe('api');
  });

  test('a script’s decision, nothing drawn, files its receipt and clears cookies without the view', async ({
    page,
    context,
  }) => {
    const receipts = await partner(context, { pages: { '/': html(tag('data-endpoint="/consent-receipts"')) } });
    await remember(context, stored());
    await context.addCookies([{ name: '_ga', value: 'GA1.1.1', domain: '.embed.test', path: '/' }]);
    const files: string[] = [];
    page.on('request', (request) => {
      const name = new URL(request.url()).pathname;
      if (name.startsWith('/widget/')) files.push(name.replace(/\.[\w-]+\.js$/, '.js'));
    });
    await page.goto(SITE);
    await page.evaluate(() =>
      (window as unknown as { citimConsent: { refuseAll: () => void } }).citimConsent.refuseAll(),
    );
    await expect.poll(() => receipts.map((r) => r.method)).toEqual(['api']);
    await expect.poll(() => cookieNames(context)).toEqual(['citim_consent']);
    expect(files).toEqual(['/widget/consent.js', '/widget/chunks/decided.js']);
    await expect(widget(page)).toHaveCount(0);
  });

  test('fits the dialog at 320 px, and shows the consent cookie’s configured lifetime', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 568 } });
    await partner(context, { pages: { '/': html(tag('data-max-age-days="30"')) } });
    const page = await context.newPage();
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Personnaliser' }).click();
    await expect(dialog(page)).toBeVisible();
    for (const summary of await dialog(page).locator('summary').all()) await summary.click();
    const overflow = await dialog(page).evaluate((d) =>
      [...d.querySelectorAll('fieldset')].map((f) => f.getBoundingClientRect().width - d.clientWidth),
    );
    expect(Math.max(...overflow)).toBeLessThanOrEqual(0);
    await expect(dialog(page).locator('tr', { hasText: 'citim_consent' })).toContainText('30 jours');
    await context.close();
  });
});

test.describe('choices per service', () => {
  const embeds = [
    '<iframe data-consent="social" data-service="youtube" data-provider="YouTube" data-src="/video.html" title="Vidéo"></iframe>',
    '<iframe data-consent="social" data-service="linkedin" data-provider="LinkedIn" data-src="/post.html" title="Publication"></iframe>',
  ].join('');

  test('one service of a category, allowed in the dialog, runs alone, and the choice stands on the next visit', async ({
    page,
    context,
  }) => {
    await partner(context, {
      pages: { '/': html(tag(), embeds), '/video.html': '<p>Vidéo</p>', '/post.html': '<p>Post</p>' },
    });
    await page.goto(SITE);
    await banner(page).getByRole('button', { name: 'Personnaliser' }).click();
    const social = dialog(page).locator('fieldset', { hasText: 'Réseaux sociaux' });
    await social.locator('summary').click();
    await social.getByRole('checkbox', { name: 'YouTube (Google)' }).check();
    await dialog(page).getByRole('button', { name: 'Enregistrer mes choix' }).click();
    await expect(page.locator('iframe[title="Vidéo"]')).toHaveAttribute('src', '/video.html');
    await expect(page.locator('iframe[title="Publication"]')).toBeHidden();
    await expect
      .poll(() => recorded(context))
      .toMatchObject({ choices: { social: false }, services: { youtube: true } });
    await page.reload();
    await expect(page.locator('iframe[title="Vidéo"]')).toHaveAttribute('src', '/video.html');
    await expect(page.locator('iframe[title="Publication"]')).not.toHaveAttribute('src', /./);
  });

  test('"always allow" on an embed that names its service allows that service only', async ({ page, context }) => {
    await partner(context, {
      pages: { '/': html(tag(), embeds), '/video.html': '<p>Vidéo</p>', '/post.html': '<p>Post</p>' },
    });
    await remember(
      context,
      stored({ choices: { preferences: false, statistics: false, advertising: false, social: false } }),
    );
    await page.goto(SITE);
    const placeholder = page.locator('citim-consent-gate').first();
    await placeholder.getByRole('button', { name: 'Toujours autoriser : YouTube' }).click();
    await expect(page.locator('iframe[title="Vidéo"]')).toHaveAttribute('src', '/video.html');
    await expect(page.locator('iframe[title="Publication"]')).toBeHidden();
  });
});
