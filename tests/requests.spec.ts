// Filing a privacy request as a person would: with and without JavaScript, with mistakes, then following it.
import { expect, type Page, test } from '@playwright/test';
import { expectAccessible, hydrated, overflowOf, refusedState } from './helpers.ts';

test.use({ storageState: refusedState() });

async function fill(page: Page, over: { email?: string; name?: string } = {}) {
  await page.getByLabel('Accès : obtenir une copie').check();
  await page.locator('#name').fill(over.name ?? 'فاطمة الزهراء');
  await page.locator('#email').fill(over.email ?? 'fatima@example.org');
  await page.locator('#relation').selectOption('participant');
  await page.locator('#details').fill('Je souhaite obtenir une copie de mon dossier de participante.');
  await page.locator('#replyFormat').selectOption('json');
  // On a loaded machine a late layout can move a choice under the pointer: check until it holds.
  await expect(async () => {
    await page.getByLabel('Pour moi-même (18 ans ou plus)').check({ timeout: 3_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel('J’ai lu comment les renseignements de cette demande sont utilisés.').check();
}

test('a request filed with JavaScript lands on its status page, name intact', async ({ page }) => {
  await page.goto('/fr/demande/');
  await hydrated(page);
  await fill(page);
  await expect(page.locator('altcha-widget')).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page).toHaveURL(/\/fr\/demande\/suivi\/\?ref=\d{4}-[\w]{4}-[\w]{4}&token=[\w-]+&new=1$/, {
    timeout: 20_000,
  });
  await expect(page.getByRole('status')).toContainText('Votre demande a bien été reçue');
  await expect(page.locator('.status-list')).toContainText('Réponse due au plus tard le');
  // Switching language keeps the request: the same reference, in English.
  const reference = await page.locator('.status-list dd').first().textContent();
  await page.locator('[data-lang-switch]').click();
  await expect(page).toHaveURL(/\/en\/request\/status\/\?ref=.+&token=/);
  await expect(page.locator('.status-list dd').first()).toHaveText(reference!);
  await expect(page.locator('.status-list')).toContainText('Answer due no later than');
  await page.goBack();
  await expect(page.locator('[data-status]')).toHaveText('Reçue');
  // Filled in, the status page reflows at common phone widths: its labels above their values, nothing wider.
  for (const width of [320, 360, 375, 414]) {
    await page.setViewportSize({ width, height: 700 });
    expect({ width, overflow: await overflowOf(page) }).toEqual({ width, overflow: null });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await expectAccessible(page);
  // The same address works later, and only with its token.
  const url = new URL(page.url());
  url.searchParams.delete('new');
  await page.goto(url.toString());
  await expect(page.locator('[data-status]')).toHaveText('Reçue');
  url.searchParams.set('token', 'x'.repeat(43));
  await page.goto(url.toString());
  await expect(page.locator('.status-list')).toHaveCount(0);
});

test('a request corrected after Back is filed as itself, and one sent again unchanged is said to be already received', async ({
  page,
}) => {
  const send = async () => {
    await expect(page.locator('altcha-widget [data-state="verified"]')).toBeAttached({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await expect(page).toHaveURL(/\/fr\/demande\/suivi\/\?ref=/, { timeout: 20_000 });
    return new URL(page.url()).searchParams.get('ref');
  };
  await page.goto('/fr/demande/');
  await fill(page, { name: 'Ana Bel' });
  const first = await send();
  await expect(page.getByRole('status')).toContainText('Votre demande a bien été reçue');
  await page.goBack();
  await page
    .locator('#details')
    .fill('Je souhaite corriger mon adresse postale dans mon dossier, puis en obtenir une copie.');
  const second = await send();
  expect(second).not.toBe(first);
  await expect(page.getByRole('status')).toContainText('Votre demande a bien été reçue');
  // Back again and the same request once more: found, not filed twice, and said so.
  await page.goBack();
  await expect(page.locator('#details')).toHaveValue(/corriger mon adresse/);
  const third = await send();
  expect(third).toBe(second);
  await expect(page).toHaveURL(/&again=1$/);
  await expect(page.getByRole('status')).toContainText('avait déjà été reçue');
});

test('mistakes are shown beside each field and in a summary that takes focus, and nothing is filed', async ({
  page,
}) => {
  await page.goto('/en/request/');
  await page.locator('#email').fill('not-an-email');
  await page.getByRole('button', { name: 'Send my request' }).click();
  const summary = page.locator('#errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('The form has');
  await expect(summary).toContainText('The email address is not valid');
  await expect(page.locator('#email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#email-error')).toHaveText('The email address is not valid (example: name@example.ca).');
  await expectAccessible(page);
  await summary.getByRole('link', { name: /email address is not valid/ }).click();
  await expect(page.locator('#email')).toBeFocused();
  await expect(page).toHaveURL(/\/en\/request\/$/);
});

test('the first list of mistakes is the whole list: a missing reply format is named with the rest', async ({
  page,
}) => {
  await page.goto('/fr/demande/');
  const label = page.locator('label[for="replyFormat"]');
  await expect(label).not.toContainText('*');
  await page.getByLabel('Accès : obtenir une copie').check();
  // Required for access: marked so as soon as access is chosen.
  await expect(label).toContainText('*');
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  const summary = page.locator('#errors');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Indiquez votre nom.');
  await expect(summary).toContainText('Choisissez le format de la réponse.');
  // In the order of the form.
  const items = await summary.getByRole('listitem').allTextContents();
  expect(items.indexOf('Indiquez votre nom.')).toBeLessThan(items.indexOf('Choisissez le format de la réponse.'));
});

test('everyone the Act lets file may say so, each told what they will be asked for (s. 30)', async ({ page }) => {
  await page.goto('/en/request/');
  const capacities = page.getByRole('group', { name: /In what capacity/ }).getByRole('radio');
  await expect(capacities).toHaveCount(7);
  for (const name of [
    'For myself (18 or over)',
    'As the representative of the person concerned (mandatary)',
    'As the holder of parental authority over a minor, even if the minor has died',
    'As the tutor of a minor',
    'As an heir or successor of a deceased person',
    'As the liquidator of a deceased person’s estate',
    'As the beneficiary of life insurance or a death benefit following the person’s death',
  ])
    await expect(page.getByRole('radio', { name, exact: true })).toHaveAccessibleDescription(/\S/);
  await expect(
    page.getByRole('radio', { name: 'As the liquidator of a deceased person’s estate' }),
  ).toHaveAccessibleDescription('The death certificate and the document appointing you (will or judgment).');
});

test('requests about CBSA records are sent to the CBSA, not filed here', async ({ page }) => {
  await page.goto('/en/request/');
  await page.getByLabel(/Canada Border Services Agency/).check();
  await expect(page.locator('#cbsa-note')).toHaveClass(/notice/);
  await expect(page.locator('#cbsa-note')).toContainText('CITIM does not hold it');
  await expect(page.getByRole('button', { name: 'Send my request' })).toBeDisabled();
});

test('without JavaScript the form posts and redirects to the status page; errors come back as a page', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL: baseURL!,
    storageState: refusedState(),
  });
  const page = await context.newPage();
  await page.goto('/fr/demande/');
  await expect(page.locator('altcha-widget')).toBeHidden();
  await fill(page, { name: 'Trần Hưng Đạo' });
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page).toHaveURL(/\/fr\/demande\/suivi\/\?ref=/);
  await expect(page.locator('.notice[role="status"]')).toContainText('Votre demande a bien été reçue');
  // A mistake the browser does not catch: the server answers with the list, and Back keeps the answers.
  await page.goto('/fr/demande/');
  await fill(page, { name: 'Zoë Lévesque-Côté' });
  await page.getByLabel(/Agence des services frontaliers/).check();
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Les renseignements détenus par l’ASFC ne peuvent pas être demandés ici',
  );
  // Nothing was filed: the page does not call itself the follow-up of a request.
  await expect(page).toHaveTitle(/^Votre demande n’a pas été envoyée · /);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre demande n’a pas été envoyée');
  await page.goBack();
  await expect(page.locator('#name')).toHaveValue('Zoë Lévesque-Côté');
  await context.close();
});

test('the request form has no axe violations in either language', async ({ page }) => {
  test.slow();
  for (const path of ['/fr/demande/', '/en/request/', '/fr/demande/suivi/']) {
    await page.goto(path);
    await expectAccessible(page);
  }
});
