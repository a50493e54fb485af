// The privacy officer's inbox as the officer meets it: an invitation from the command line, a passkey made on the
// device (Chromium's virtual authenticator), sign-in, the list of requests with their legal clock, sign-out.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DatabaseSync } from 'node:sqlite';
import { resolve } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DATA_DIR, PORT } from '../playwright.config.ts';
import { generateOfficerKeys } from '../shared/seal.ts';
import { expectAccessible, refusedState } from './helpers.ts';

// WebAuthn needs a domain, not an IP address: the inbox is opened on localhost.
const ORIGIN = `http://localhost:${PORT}`;
test.use({ baseURL: ORIGIN, storageState: refusedState('localhost') });

function invite(name: string): string {
  const out = execFileSync(
    process.execPath,
    ['function/officer-cli.ts', 'invite', '--name', name, '--db', resolve(DATA_DIR!, 'portal.db')],
    { encoding: 'utf8' },
  );
  return /\b([2-9A-Z]{5}(?:-[2-9A-Z]{5}){3})\b/.exec(out)![1]!;
}

/** An authenticator built into the device, that holds passkeys and says yes when asked. */
async function authenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

/** An officer invited from the command line who makes a passkey on this device, signed in afterwards. */
async function enrolled(page: Page, context: BrowserContext, name: string, lang: 'fr' | 'en') {
  const code = invite(name);
  await authenticator(context, page);
  await page.goto(lang === 'fr' ? '/fr/responsable/' : '/en/officer/');
  await page.getByLabel(lang === 'fr' ? 'Code d’invitation' : 'Invitation code').fill(code);
  await page.getByRole('button', { name: lang === 'fr' ? 'Créer ma clé d’accès' : 'Create my passkey' }).click();
  await expect(page.getByText(lang === 'fr' ? `Connecté·e : ${name}` : `Signed in: ${name}`)).toBeVisible();
}

/** Files a request as a form without JavaScript would; gives its reference and the requester's status address. */
async function file(page: Page): Promise<{ reference: string; status: string }> {
  const response = await page.request.post('/api/requests', {
    headers: { Origin: ORIGIN },
    form: {
      holder: 'citim',
      type: 'access',
      name: '王小明',
      email: 'xiaoming@example.org',
      relation: 'participant',
      // Each test files its own request: the same form sent twice is one request (idempotent plain posts).
      details: `Je souhaite obtenir une copie de mon dossier (${crypto.randomUUID()}).`,
      language: 'fr',
      replyFormat: 'json',
      capacity: 'self-adult',
      acknowledged: 'on',
      website: '',
    },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  const status = new URL(response.headers()['location']!, ORIGIN);
  return { reference: status.searchParams.get('ref')!, status: `${status.pathname}${status.search}` };
}

test('an invited officer makes a passkey, sees the requests by due date, signs out and back in', async ({
  page,
  context,
}) => {
  test.slow();
  const { reference } = await file(page);
  const code = invite('Ana Bel');
  await authenticator(context, page);
  await page.goto('/fr/responsable/');
  await expectAccessible(page);
  await page.getByLabel('Code d’invitation').fill(code.toLowerCase());
  await page.getByRole('button', { name: 'Créer ma clé d’accès' }).click();
  await expect(page.getByText('Connecté·e : Ana Bel')).toBeVisible();
  const row = page.locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText('Accès');
  await expect(row).toContainText('Reçue');
  // Filed today: the answer is due in 30 days, said in words.
  await expect(row.locator('[data-clock]')).toHaveText(/^\d+ jours$/);
  // No personal field in the list: the name stays sealed until a request is opened.
  await expect(page.getByText('王小明')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel('Type').selectOption('complaint');
  await expect(page.getByText('Aucune demande ne correspond.')).toBeVisible();
  await page.getByLabel('Type').selectOption('');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('button', { name: 'Se connecter avec ma clé d’accès' })).toBeVisible();
  // The invitation was spent: it does not work twice.
  await page.getByLabel('Code d’invitation').fill(code);
  await page.getByRole('button', { name: 'Créer ma clé d’accès' }).click();
  await expect(page.getByRole('alert')).toContainText('Ce code d’invitation n’est pas valable');
  await page.getByRole('button', { name: 'Se connecter avec ma clé d’accès' }).click();
  await expect(page.getByText('Connecté·e : Ana Bel')).toBeVisible();
  await expect(page.locator(`tr[data-reference="${reference}"]`)).toBeVisible();
});

test('without a passkey for this space, sign-in says so in the officer’s language', async ({ page, context }) => {
  await authenticator(context, page);
  await page.goto('/en/officer/');
  await page.getByRole('button', { name: 'Sign in with my passkey' }).click();
  await expect(page.getByRole('alert')).toHaveText(/did not succeed|cancelled or timed out/);
  await page.getByLabel('Invitation code').fill('AAAAA-BBBBB-CCCCC-DDDDD');
  await page.getByRole('button', { name: 'Create my passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('This invitation code is not valid');
});

test('with the key imported on the device, the officer opens a request, verifies identity with a note and exports it', async ({
  page,
  context,
}) => {
  test.slow();
  const filed = await file(page);
  await enrolled(page, context, 'Bo Tremblay', 'fr');
  // A key for another portal is refused before anything is shown.
  const stranger = resolve(tmpdir(), `stranger-${Date.now()}.jwk`);
  writeFileSync(stranger, JSON.stringify((await generateOfficerKeys()).privateKey));
  await page.getByLabel('Fichier de clé privée').setInputFiles(stranger);
  await expect(page.getByRole('alert')).toContainText('Cette clé ne correspond pas à celle de ce portail');
  await page.getByLabel('Fichier de clé privée').setInputFiles(resolve(DATA_DIR!, 'officer.private.jwk'));
  await expect(page.getByText('La clé est sur cet appareil')).toBeVisible();
  await page.getByRole('button', { name: filed.reference }).click();
  await expect(page.getByRole('heading', { name: `Demande ${filed.reference}` })).toBeFocused();
  await expect(page.locator('[data-field="name"]')).toHaveText('王小明');
  await expect(page.locator('[data-field="capacity"]')).toHaveText('Pour moi-même (18 ans ou plus)');
  await expect(page.getByText('La loi québécoise ne prévoit aucune prolongation de ce délai (art. 32)')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Nouvel état').selectOption('identity-verified');
  await page.getByLabel('Note (chiffrée dans votre navigateur)').fill('Pièce d’identité vue en personne');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('dd[data-status]')).toHaveText('Identité vérifiée');
  await expect(page.getByRole('cell', { name: 'Pièce d’identité vue en personne' })).toBeVisible();
  // A reply ready to copy, in the language of the request (French here), naming the person and the due date.
  const reply = page.getByRole('textbox', { name: 'Réponse à envoyer, dans la langue de la demande' });
  await expect(reply).toHaveValue(/^Bonjour 王小明,\n\nNous avons vérifié votre identité pour la demande/);
  await expect(reply).toHaveValue(/Bo Tremblay$/);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger en JSON' }).click();
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(exported).toMatchObject({
    format: 'citim-privacy-request',
    request: { reference: filed.reference, name: '王小明' },
  });
  // The requester sees the change on their status page.
  await page.goto(filed.status);
  await expect(page.locator('[data-status]')).toHaveText('Identité vérifiée');
});

test('the inbox shows retention, a consent overview and the audit log, each readable without the chart', async ({
  page,
  context,
}) => {
  test.slow();
  await enrolled(page, context, 'Cy Nguyen', 'en');
  const sections = page.getByRole('navigation', { name: 'Sections of this space' });
  await sections.getByRole('button', { name: 'Retention' }).click();
  await expect(page.getByText('No request may be deleted yet.')).toBeVisible();
  await expectAccessible(page);
  await sections.getByRole('button', { name: 'Consents' }).click();
  await expect(page.getByRole('table', { name: 'Share of decisions accepting each category' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Audience measurement' })).toBeVisible();
  await expectAccessible(page);
  await sections.getByRole('button', { name: 'Audit log' }).click();
  await page.getByLabel('Filter by reference or action').fill('officer:enrol');
  await expect(page.getByRole('cell', { name: 'Cy Nguyen' }).first()).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the log (CSV)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('at,reference,action,operator');
  expect(csv).toContain('officer:enrol');
});

test('a tampered request and an ended session each get a clear answer, nothing half shown', async ({
  page,
  context,
}) => {
  test.slow();
  const filed = await file(page);
  await enrolled(page, context, 'Dee Roy', 'fr');
  await page.getByLabel('Fichier de clé privée').setInputFiles(resolve(DATA_DIR!, 'officer.private.jwk'));
  // Someone with access to the database changes one character of the sealed request.
  const db = new DatabaseSync(resolve(DATA_DIR!, 'portal.db'));
  const { sealed } = db.prepare('SELECT sealed FROM requests WHERE reference = ?').get(filed.reference) as {
    sealed: string;
  };
  const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
  db.prepare('UPDATE requests SET sealed = ? WHERE reference = ?').run(flipped, filed.reference);
  await page.getByRole('button', { name: filed.reference }).click();
  await expect(page.getByRole('alert')).toContainText('Cette demande ne s’ouvre pas avec la clé de cet appareil');
  await expect(page.locator('[data-field]')).toHaveCount(0);
  // The session is revoked on the server (a sign-out elsewhere, a revocation): the next step says so.
  db.prepare('UPDATE sessions SET revoked_at = ? WHERE officer_id IN (SELECT id FROM officers WHERE name = ?)').run(
    new Date().toISOString(),
    'Dee Roy',
  );
  db.close();
  await page.getByRole('button', { name: 'Retour à la liste' }).click();
  await expect(page.getByRole('alert')).toHaveText('Votre session a pris fin. Connectez-vous de nouveau.');
  await expect(page.getByRole('button', { name: 'Se connecter avec ma clé d’accès' })).toBeVisible();
});

test('an officer invites another from the inbox and revokes them; the revoked officer is signed out', async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  await enrolled(page, context, 'Gil Roy', 'en');
  await page
    .getByRole('navigation', { name: 'Sections of this space' })
    .getByRole('button', { name: 'Officers' })
    .click();
  await expect(page.getByText('Gil Roy (you)')).toBeVisible();
  await page.getByLabel('Name of the person to invite').fill('Hana Sato');
  await page.getByRole('button', { name: 'Create an invitation' }).click();
  const shown = await page.getByRole('status').filter({ hasText: 'Invitation code for Hana Sato' }).textContent();
  const code = /([2-9A-Z]{5}(?:-[2-9A-Z]{5}){3})/.exec(shown!)![1]!;
  await expectAccessible(page);
  // Hana enrols on her own device.
  const hers = await browser.newContext({ baseURL: ORIGIN, storageState: refusedState('localhost') });
  const other = await hers.newPage();
  await authenticator(hers, other);
  await other.goto('/en/officer/');
  await other.getByLabel('Invitation code').fill(code);
  await other.getByRole('button', { name: 'Create my passkey' }).click();
  await expect(other.getByText('Signed in: Hana Sato')).toBeVisible();
  // Gil revokes her: her next step says the session has ended.
  // Back to the list of officers, which now shows her.
  await page
    .getByRole('navigation', { name: 'Sections of this space' })
    .getByRole('button', { name: 'Requests' })
    .click();
  await page
    .getByRole('navigation', { name: 'Sections of this space' })
    .getByRole('button', { name: 'Officers' })
    .click();
  await page.getByRole('button', { name: 'Revoke Hana Sato’s access' }).click();
  await expect(page.locator('li', { hasText: 'Hana Sato' })).toContainText('Access revoked on');
  await other
    .getByRole('navigation', { name: 'Sections of this space' })
    .getByRole('button', { name: 'Audit log' })
    .click();
  await expect(other.getByRole('alert')).toHaveText('Your session has ended. Sign in again.');
  await hers.close();
});
