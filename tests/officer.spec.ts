// The privacy officer's inbox as the officer meets it: an invitation from the command line, a passkey made on the
// device (Chromium's virtual authenticator), sign-in, the list of requests with their legal clock, sign-out.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DATA_DIR, PORT } from '../playwright.config.ts';
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

async function file(page: Page): Promise<string> {
  const response = await page.request.post('/api/requests', {
    headers: { Origin: ORIGIN },
    form: {
      holder: 'citim',
      type: 'access',
      name: '王小明',
      email: 'xiaoming@example.org',
      relation: 'participant',
      details: 'Je souhaite obtenir une copie de mon dossier.',
      language: 'fr',
      replyFormat: 'json',
      capacity: 'self-adult',
      acknowledged: 'on',
      website: '',
    },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  return new URL(response.headers()['location']!, ORIGIN).searchParams.get('ref')!;
}

test('an invited officer makes a passkey, sees the requests by due date, signs out and back in', async ({
  page,
  context,
}) => {
  test.slow();
  const reference = await file(page);
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
