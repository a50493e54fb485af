// Comparing versions: successive pairs are prerendered, any other pair is computed in the browser.
import { expect, test } from '@playwright/test';
import { ANNOUNCED_PORT } from '../playwright.config.ts';
import { hydrated, refusedState } from './helpers.ts';

// These tests are about the documents: the visitor has already made their cookie choice.
test.use({ storageState: refusedState() });

test('a prerendered comparison marks removed and added words without relying on colour', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/comparer/1.0-1.1/');
  await expect(page.locator('.diff del', { hasText: 'contentement' })).toHaveCount(1);
  await expect(page.locator('.diff ins', { hasText: 'consentement' }).first()).toBeVisible();
  // Struck through and underlined, with a word for screen readers.
  await expect(page.locator('.diff del').first()).toHaveCSS('text-decoration-line', 'line-through');
  await expect(page.locator('.diff ins').first()).toHaveCSS('text-decoration-line', 'underline');
  await expect(page.locator('.diff del .visually-hidden').first()).toHaveText('[retrait] ');
  await expect(page.locator('[data-stats]')).toContainText(
    /\d+ passages? modifiés? : \d+ mots? ajoutés?, \d+ mots? retirés?\./,
  );
  // The changed sections are listed and lead to the change itself, not to the top of the section.
  await page
    .getByRole('navigation', { name: 'Sections modifiées' })
    .getByRole('link', { name: /^8\. La manière/ })
    .click();
  await expect(page).toHaveURL(/#change-\d+$/);
  await expect(page.locator(':target')).toHaveAttribute('data-change', /\d+/);
  await expect(page.locator(':target')).toContainText('consentement');
});

test('changes only hides the unchanged text around each change, without any script', async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: baseURL!,
    storageState: refusedState(),
  });
  const page = await context.newPage();
  await page.goto('/fr/politique-de-confidentialite/comparer/1.0-1.1/');
  const passages = page.locator('.diff > *:visible, .diff li:visible');
  const all = await passages.count();
  await page.getByLabel('Afficher seulement les changements (avec leur contexte)').check();
  const kept = await passages.count();
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(all / 3);
  // Every change stays in view.
  for (const change of await page.locator('.diff [data-change]').all()) await expect(change).toBeVisible();
  await context.close();
});

test('next and previous change move through the changes by button and by key', async ({ page }) => {
  await page.goto('/en/privacy-policy/compare/1.0-1.1/');
  const next = page.getByRole('button', { name: 'Next change' });
  await expect(next).toBeVisible();
  const total = await page.locator('.diff [data-change]').count();
  await next.click();
  await expect(page.locator('[data-change="1"]')).toBeFocused();
  await expect(page.locator('.change-nav [role="status"]')).toHaveText(`Change 1 of ${total}`);
  await page.keyboard.press('n');
  await expect(page.locator('[data-change="2"]')).toBeFocused();
  await page.keyboard.press('p');
  await expect(page.locator('[data-change="1"]')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Previous change' })).toBeDisabled();
});

test('the compare page computes the same comparison in the browser', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/comparer/1.0-1.1/');
  const prerendered = await page.locator('.diff').innerHTML();
  await page.goto('/fr/politique-de-confidentialite/comparer/');
  await hydrated(page);
  await page.getByLabel('Version d’origine').selectOption('1.0');
  await page.getByLabel('Version comparée').selectOption('1.1');
  await page.getByRole('button', { name: 'Comparer' }).click();
  await expect(page.getByRole('heading', { name: 'Changements entre les versions 1.0 et 1.1' })).toBeFocused();
  expect(await page.locator('#compare-result .diff').innerHTML()).toBe(prerendered);
  await expect(page).toHaveURL(/\?from=1\.0&to=1\.1$/);
});

test('a pair that is not prerendered, here newest to oldest, is computed from the address', async ({ page }) => {
  await page.goto('/en/privacy-policy/compare/?from=1.1&to=1.0');
  await expect(page.getByRole('heading', { name: 'Changes between versions 1.1 and 1.0' })).toBeVisible();
  await expect(page.locator('#compare-result ins', { hasText: 'above' })).toHaveCount(1);
  await expect(page.locator('#compare-result del', { hasText: 'below' })).toHaveCount(1);
});

test('an address naming a version that does not exist says which one, not a connection problem', async ({ page }) => {
  await page.goto('/en/privacy-policy/compare/?from=1.0&to=9.9');
  await expect(page.getByRole('alert')).toHaveText('This document has no version 9.9. Choose one from the list.');
});

test('choosing the same version twice says so', async ({ page }) => {
  await page.goto('/fr/politique-de-confidentialite/comparer/?from=1.1&to=1.1');
  await expect(page.locator('#compare-result')).toHaveText('Choisissez deux versions différentes.');
});

test('without JavaScript the compare page still offers the successive comparisons', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/fr/politique-de-confidentialite/comparer/');
  // Playwright's text engine skips <noscript>, so look the notice up by its place.
  await expect(page.locator('noscript .notice')).toContainText('Sans JavaScript, le formulaire ouvre');
  await page.getByText('Comparaisons entre versions successives (1)').click();
  await page.getByRole('link', { name: 'Changements entre les versions 1.0 et 1.1' }).click();
  await expect(page.locator('.diff del', { hasText: 'contentement' })).toHaveCount(1);
  await context.close();
});

test('without JavaScript, the form compares any two versions on the Node entry, and the switch keeps the pair', async ({
  browser,
}) => {
  // The build with a version 1.2 announced: 1.0 and 1.2 are not successive.
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: `http://127.0.0.1:${ANNOUNCED_PORT}`,
  });
  const page = await context.newPage();
  await page.goto('/fr/politique-de-confidentialite/comparer/');
  await page.getByLabel('Version d’origine').selectOption('1.0');
  await page.getByLabel('Version comparée').selectOption('1.2');
  await page.getByRole('button', { name: 'Comparer' }).click();
  await expect(page).toHaveURL(/\/fr\/politique-de-confidentialite\/comparer\/1\.0-1\.2\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('1.0');
  await expect(page.locator('.diff ins').first()).toBeAttached();
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/en\/privacy-policy\/compare\/1\.0-1\.2\/$/);
  await context.close();
});
