// The privacy officer's inbox as the officer meets it: an invitation from the command line, a passkey made on the
// device (Chromium's virtual authenticator), sign-in, the list of requests with their legal clock, sign-out.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { tmpdir } from 'node:os';
import { DatabaseSync } from 'node:sqlite';
import { resolve } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DATA_DIR, FRESH_DATA_DIR, FRESH_PORT, PORT } from '../playwright.config.ts';
import { expectAccessible, refusedState } from './helpers.ts';
import { BESIDE_A_SERVER, openSqliteStore } from '../function/store/sqlite.ts';
import { fileFormerRequest, formerRequest } from '../function/testing.ts';

// WebAuthn needs a domain, not an IP address: the inbox is opened on localhost.
const ORIGIN = `http://localhost:${PORT}`;
test.use({ baseURL: ORIGIN, storageState: refusedState('localhost') });

function invite(name: string, data = DATA_DIR!): string {
  const out = execFileSync(
    process.execPath,
    ['function/entries/officer-cli.ts', 'invite', '--name', name, '--db', resolve(data, 'portal.db')],
    { encoding: 'utf8' },
  );
  return /\b([2-9A-Z]{5}(?:-[2-9A-Z]{5}){3})\b/.exec(out)![1]!;
}

/**
 * An authenticator built into the device, that holds passkeys and says yes when asked; `over` changes what it can do
 * (the PRF extension, no user verification).
 */
async function authenticator(context: BrowserContext, page: Page, over: Record<string, unknown> = {}) {
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
      ...over,
    },
  });
}

/** An officer invited from the command line who makes a passkey on this device, signed in afterwards. */
async function enrolled(
  page: Page,
  context: BrowserContext,
  name: string,
  lang: 'fr' | 'en',
  at = { origin: ORIGIN, data: DATA_DIR! },
) {
  const code = invite(name, at.data);
  await authenticator(context, page);
  await page.goto(`${at.origin}${lang === 'fr' ? '/fr/responsable/' : '/en/officer/'}`);
  await page.getByLabel(lang === 'fr' ? 'Code d’invitation' : 'Invitation code').fill(code);
  await page.getByRole('button', { name: lang === 'fr' ? 'Créer ma clé d’accès' : 'Create my passkey' }).click();
  await expect(page.getByText(lang === 'fr' ? `Connecté·e : ${name}` : `Signed in: ${name}`)).toBeVisible();
}

/** Signs in again with the passkey this device holds. */
async function signIn(page: Page, name: string, lang: 'fr' | 'en') {
  await page.goto(lang === 'fr' ? '/fr/responsable/' : '/en/officer/');
  const signedIn = page.getByText(lang === 'fr' ? `Connecté·e : ${name}` : `Signed in: ${name}`);
  const button = page.getByRole('button', {
    name: lang === 'fr' ? 'Se connecter avec ma clé d’accès' : 'Sign in with my passkey',
  });
  await expect(signedIn.or(button)).toBeVisible();
  if (await signedIn.isVisible()) return;
  await button.click();
  await expect(signedIn).toBeVisible();
}

/** What the key panel says, in each language. */
const KEY = {
  fr: {
    make: 'Créer ma clé sur cet appareil',
    passphrase: 'Phrase secrète de la sauvegarde (12 caractères ou plus)',
    again: 'La même phrase secrète, encore',
    protect: 'Protéger la sauvegarde par cette phrase',
    download: 'Télécharger la sauvegarde chiffrée',
    saved: 'J’ai rangé la sauvegarde en lieu sûr',
    activate: 'Mettre ma clé en service',
    present: 'Votre clé est sur cet appareil',
  },
  en: {
    make: 'Make my key on this device',
    passphrase: 'Backup passphrase (12 characters or more)',
    again: 'The same passphrase, again',
    protect: 'Protect the backup with this passphrase',
    download: 'Download the encrypted backup',
    saved: 'I have put the backup somewhere safe',
    activate: 'Put my key into service',
    present: 'Your key is on this device',
  },
} as const;
const PASSPHRASE = 'quatre chevaux blancs au galop';

/**
 * The officer makes their key on this device: a backup protected by a passphrase first (saved to a file, whose path
 * is returned), then the key put into service. Requests filed afterwards are sealed for it.
 */
async function makeKey(page: Page, lang: 'fr' | 'en'): Promise<string> {
  const t = KEY[lang];
  await page.getByRole('button', { name: t.make }).click();
  const activate = page.getByRole('button', { name: t.activate });
  await page.getByLabel(t.passphrase).fill(PASSPHRASE);
  await page.getByLabel(t.again).fill(PASSPHRASE);
  await page.getByRole('button', { name: t.protect }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: t.download }).click();
  const path = resolve(tmpdir(), `officer-key-${crypto.randomUUID()}.age`);
  await (await download).saveAs(path);
  // Nothing is put into service before the backup is downloaded and said to be put away.
  await expect(activate).toBeDisabled();
  await page.getByLabel(t.saved).check();
  await activate.click();
  await expect(page.getByText(t.present)).toBeVisible();
  return path;
}

/** Files a request as a form without JavaScript would; gives its reference and the requester's status address. */
async function file(page: Page, origin = ORIGIN): Promise<{ reference: string; status: string }> {
  const response = await send(page, origin);
  expect(response.status()).toBe(303);
  const status = new URL(response.headers()['location']!, origin);
  return { reference: status.searchParams.get('ref')!, status: `${status.pathname}${status.search}` };
}

/** The request form as a browser without JavaScript posts it. */
function send(page: Page, origin: string) {
  return page.request.post(`${origin}/api/requests`, {
    headers: { Origin: origin },
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
}

test('an invited officer makes a passkey, sees the requests by due date, signs out and back in', async ({
  page,
  context,
}) => {
  test.slow();
  const { reference } = await file(page);
  const code = invite('Ana Bel');
  await authenticator(context, page);
  const widget: string[] = [];
  page.on('request', (r) => void (r.url().includes('/widget/') && widget.push(r.url())));
  await page.goto('/fr/responsable/');
  await expectAccessible(page);
  // The inbox is a place of its own: no script but its own, the consent widget included.
  await expect(page.locator('script[src*="/widget/"]')).toHaveCount(0);
  expect(widget).toEqual([]);
  await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute(
    'content',
    /worker-src 'none';frame-src 'none'/,
  );
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

test('the inbox reflows at 320 px and keeps focus where the officer is: key restored, status changed, signed out', async ({
  page,
  context,
}) => {
  test.slow();
  await enrolled(page, context, 'Lu Étroit', 'fr');
  const backup = await makeKey(page, 'fr');
  const filed = await file(page);
  // 400 % zoom of a 1280-pixel screen: 320 CSS pixels wide.
  await page.setViewportSize({ width: 320, height: 640 });
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  await page.getByRole('button', { name: 'Oublier les clés sur cet appareil' }).click();
  await page.getByLabel('Fichier de sauvegarde (.age)').setInputFiles(backup);
  await page.getByLabel('Phrase secrète de la sauvegarde').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ouvrir la sauvegarde' }).click();
  await expect(page.getByText('Votre clé est sur cet appareil')).toBeFocused();
  await expect(page.getByRole('button', { name: filed.reference })).toBeVisible();
  expect(await width()).toBeLessThanOrEqual(320);
  await page.getByRole('button', { name: filed.reference }).click();
  await page.getByLabel('Nouvel état').selectOption('identity-verified');
  await page.getByLabel('Note (chiffrée dans votre navigateur)').fill('Pièce d’identité vue, numéro 0123456789ABCDEF');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('dd[data-status]')).toHaveText('Identité vérifiée');
  await expect(page.getByRole('heading', { name: 'Changer l’état' })).toBeFocused();
  expect(await width()).toBeLessThanOrEqual(320);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Retour à la liste' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Se connecter avec ma clé d’accès' })).toBeFocused();
  expect(await width()).toBeLessThanOrEqual(320);
});

test('a captured sign-in (its cookie and the authenticator’s answer) never opens a session again', async ({
  page,
  context,
}) => {
  await enrolled(page, context, 'Ivo Replay', 'en');
  const cookies = await context.cookies();
  const first = cookies.find((c) => c.name === 'officer_session')!;
  // The browser still holds its earlier session when it signs in again: that one must end, and a new id be given.
  await context.clearCookies();
  await context.addCookies(cookies.filter((c) => c !== first));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in with my passkey' })).toBeVisible();
  await context.addCookies([first]);
  // Whoever watches the wire, or the browser's memory, keeps the answer and the ceremony's cookie.
  const captured = page.waitForRequest((r) => r.url().endsWith('/api/officer/signin/verify'));
  await page.getByRole('button', { name: 'Sign in with my passkey' }).click();
  await expect(page.getByText('Signed in: Ivo Replay')).toBeVisible();
  const request = await captured;
  const cookie = (await request.allHeaders())['cookie'] ?? '';
  expect(cookie).toContain('officer_ceremony=');
  const second = (await context.cookies()).find((c) => c.name === 'officer_session')!;
  expect(second.value).not.toBe(first.value);
  const me = (session: string) =>
    fetch(`${ORIGIN}/api/officer/me`, { headers: { Cookie: `officer_session=${session}` } });
  expect((await me(first.value)).status).toBe(401);
  expect((await me(second.value)).status).toBe(200);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in with my passkey' })).toBeVisible();
  // The same answer with the same cookie, after sign-out: the ceremony was spent, nothing opens.
  const replay = await fetch(`${ORIGIN}/api/officer/signin/verify`, {
    method: 'POST',
    headers: { Cookie: cookie, Origin: ORIGIN, 'X-Officer': '1', 'Content-Type': 'application/json' },
    body: request.postData() ?? '',
  });
  expect(replay.status).toBe(401);
  expect(await replay.json()).toMatchObject({ error: 'signin' });
  expect(replay.headers.get('set-cookie') ?? '').not.toMatch(/officer_session=[\w-]+/);
});

test('a passkey that cannot verify its user (no PIN, no biometric) is refused at enrolment', async ({
  page,
  context,
}) => {
  const code = invite('Jo Presence');
  await authenticator(context, page, { transport: 'usb', hasUserVerification: false, isUserVerified: false });
  await page.goto('/en/officer/');
  await page.getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Create my passkey' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByText('Signed in: Jo Presence')).toHaveCount(0);
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

test('with a key made on the device, the officer opens a request, verifies identity with a note, completes and exports it', async ({
  page,
  context,
}) => {
  test.slow();
  await enrolled(page, context, 'Bo Tremblay', 'fr');
  const backup = await makeKey(page, 'fr');
  expect(readFileSync(backup, 'utf8')).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
  const filed = await file(page);
  await page.reload();
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
  // Then handled and completed, each along the allowed transitions.
  for (const [next, shown] of [
    ['in-progress', 'En traitement'],
    ['completed', 'Terminée'],
  ] as const) {
    await page.getByLabel('Nouvel état').selectOption(next);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.locator('dd[data-status]')).toHaveText(shown);
  }
  await expect(page.getByText('Cette demande est fermée')).toBeVisible();
  const download = page.waitForEvent('download');
  // The export asks for the passkey again (OFFICER_CONFIRM_SECONDS=0 here), which the device's authenticator gives.
  await page.getByRole('button', { name: 'Télécharger en JSON' }).click();
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(exported).toMatchObject({
    format: 'citim-privacy-request',
    request: { reference: filed.reference, name: '王小明' },
  });
  // The requester sees the outcome on their status page.
  await page.goto(filed.status);
  await expect(page.locator('[data-status]')).toHaveText('Terminée');
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
  await page.getByLabel('Action').fill('officer:enrol');
  await page.getByRole('button', { name: 'Filter the log' }).click();
  await expect(page.getByRole('cell', { name: 'Cy Nguyen' }).first()).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the log (CSV)' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\r\n')[0]).toBe('at,reference,action,operator');
  expect(csv).toContain('officer:enrol');
  // The log's hash chain, checked from its first entry: it holds, with the fingerprint the digest carries.
  await page.getByRole('button', { name: 'Check the log’s chain' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The log’s chain holds' })).toContainText(
    /entries, fingerprint #\d+ [0-9a-f]{16}\./,
  );
  await expectAccessible(page);
});

test('the officer sees the last cookie scan recorded beside the running server, breaches first', async ({
  page,
  context,
}) => {
  test.slow();
  const finished = new Date();
  const summary = {
    type: 'citim-scan-summary',
    version: 1,
    startedAt: new Date(finished.getTime() - 300_000).toISOString(),
    finishedAt: finished.toISOString(),
    revision: 1,
    sites: [{ start: 'https://partenaire.example/', pages: 7 }],
    counts: { breaches: 1, undeclared: 1, lifetimes: 2, withoutWidget: 1, neverSeen: 3 },
    breaches: [
      {
        what: 'cookie',
        name: '_ga',
        service: 'Google Analytics',
        category: 'statistics',
        site: 'partenaire.example',
        passes: ['before', 'refused'],
        pages: ['https://partenaire.example/nous-joindre'],
        sources: ['https://www.googletagmanager.com/gtag/js'],
      },
    ],
    undeclared: [
      {
        what: 'request',
        name: 'stranger.example',
        site: 'partenaire.example',
        withoutConsent: true,
        passes: ['before'],
      },
    ],
  };
  const file = resolve(DATA_DIR!, `scan-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ type: 'citim-scan', version: 1, summary }));
  const out = execFileSync(
    process.execPath,
    ['function/entries/officer-cli.ts', 'scan-record', file, '--db', resolve(DATA_DIR!, 'portal.db')],
    { encoding: 'utf8' },
  );
  expect(out).toContain('1 breach(es), 1 undeclared');
  await enrolled(page, context, 'Dana Roy', 'fr');
  await page
    .getByRole('navigation', { name: 'Sections de l’espace' })
    .getByRole('button', { name: 'Analyse des témoins' })
    .click();
  await expect(page.getByText('1 manquement au consentement : à corriger d’abord.')).toBeVisible();
  const breaches = page.getByRole('table', { name: 'Manquements : ce qui s’est produit sans consentement' });
  await expect(breaches.getByRole('row', { name: /_ga/ })).toContainText('Google Analytics (Mesure d’audience)');
  await expect(breaches.getByRole('row', { name: /_ga/ })).toContainText('avant tout choix ; après « Tout refuser »');
  await expect(page.getByRole('table', { name: /^Non déclarés/ })).toContainText('stranger.example');
  await expect(
    page.getByText(/2 durée\(s\) plus longue\(s\) que déclarée\(s\), 1 page\(s\) sans le widget/),
  ).toBeVisible();
  await expectAccessible(page);
});

test('a tampered request and an ended session each get a clear answer, nothing half shown', async ({
  page,
  context,
}) => {
  test.slow();
  await enrolled(page, context, 'Dee Roy', 'fr');
  await makeKey(page, 'fr');
  const filed = await file(page);
  await page.reload();
  // Someone with access to the database changes one character of the sealed request.
  // Beside the running server, as a second tool would: waiting for its lock rather than failing on it.
  const db = new DatabaseSync(resolve(DATA_DIR!, 'portal.db'), { timeout: 10_000 });
  const { sealed } = db.prepare('SELECT sealed FROM requests WHERE reference = ?').get(filed.reference) as {
    sealed: string;
  };
  const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
  db.prepare('UPDATE requests SET sealed = ? WHERE reference = ?').run(flipped, filed.reference);
  await page.getByRole('button', { name: filed.reference }).click();
  await expect(page.getByRole('alert')).toContainText('Cette demande ne s’ouvre pas avec les clés de cet appareil');
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

test('when the only officer’s device is wiped, the recovery key opens everything and re-wraps it for a new key', async ({
  page,
  context,
  browser,
}) => {
  test.slow();
  const fresh = { origin: `http://localhost:${FRESH_PORT}`, data: FRESH_DATA_DIR! };
  const cli = (...args: string[]) =>
    execFileSync(
      process.execPath,
      ['function/entries/officer-cli.ts', ...args, '--db', resolve(fresh.data, 'portal.db')],
      {
        encoding: 'utf8',
      },
    );
  const recoveryKey = resolve(fresh.data, 'recovery.key');
  await enrolled(page, context, 'Eve Lalonde', 'fr', fresh);
  await expectAccessible(page);
  const backup = await makeKey(page, 'fr');
  await expectAccessible(page);
  const filed = await file(page, fresh.origin);
  await page.reload();
  await page.getByRole('button', { name: filed.reference }).click();
  await expect(page.locator('[data-field="name"]')).toHaveText('王小明');
  await page.getByRole('button', { name: 'Retour à la liste' }).click();
  // The backup gives the key back: not with a wrong passphrase, with the right one.
  await page.getByRole('button', { name: 'Oublier les clés sur cet appareil' }).click();
  await page.getByLabel('Fichier de sauvegarde (.age)').setInputFiles(backup);
  await page.getByLabel('Phrase secrète de la sauvegarde').fill('pas la bonne phrase du tout');
  await page.getByRole('button', { name: 'Ouvrir la sauvegarde' }).click();
  await expect(page.getByRole('alert')).toContainText('Cette phrase secrète n’ouvre pas la sauvegarde');
  await page.getByLabel('Phrase secrète de la sauvegarde').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Ouvrir la sauvegarde' }).click();
  await expect(page.getByText('Votre clé est sur cet appareil')).toBeVisible();
  // Now the device is wiped, backup lost. The recovery key opens the request with no browser and no server.
  await page.getByRole('button', { name: 'Oublier les clés sur cet appareil' }).click();
  expect(JSON.parse(cli('show', filed.reference, '--key', recoveryKey))).toMatchObject({
    personal: { name: '王小明' },
  });
  // A new officer makes a key on their own device: the earlier request is not sealed for it yet.
  const theirs = await browser.newContext({ baseURL: fresh.origin, storageState: refusedState('localhost') });
  const other = await theirs.newPage();
  await enrolled(other, theirs, 'Zoé Dubé', 'fr', fresh);
  await makeKey(other, 'fr');
  await expect(other.locator(`tr[data-reference="${filed.reference}"]`)).toContainText(
    'pas encore scellée pour votre clé',
  );
  // The recovery key re-wraps every request for today's readers; the new officer opens it.
  expect(cli('rewrap', '--key', recoveryKey)).toMatch(/Sealed again for today's readers: [1-9]/);
  await other.reload();
  await expect(other.locator(`tr[data-reference="${filed.reference}"]`)).not.toContainText('pas encore scellée');
  await other.getByRole('button', { name: filed.reference }).click();
  await expect(other.locator('[data-field="name"]')).toHaveText('王小明');
  // Eve leaves: revoked in the inbox, her key is out of service at once, and Zoé re-wraps every request without it.
  await other.getByRole('button', { name: 'Retour à la liste' }).click();
  await other
    .getByRole('navigation', { name: 'Sections de l’espace' })
    .getByRole('button', { name: 'Responsables' })
    .click();
  await other.getByRole('button', { name: 'Retirer l’accès de Eve Lalonde' }).click();
  await other
    .getByRole('navigation', { name: 'Sections de l’espace' })
    .getByRole('button', { name: 'Demandes' })
    .click();
  await other.getByRole('button', { name: 'Resceller maintenant' }).click();
  await expect(other.getByRole('status').filter({ hasText: /demandes? rescellées?/ })).toContainText(/^[1-9]/);
  await expect(other.getByRole('button', { name: 'Resceller maintenant' })).toHaveCount(0);
  const audit = cli('audit');
  expect(audit).toMatch(/keys:add/);
  expect(audit).toMatch(/keys:rewrap {2}Zoé Dubé/);
  expect(audit).toMatch(/officer:revoke/);
  // What is stored opens with the recovery key still, and is sealed for two readers: the recovery key and Zoé's.
  expect(JSON.parse(cli('show', filed.reference, '--key', recoveryKey))).toMatchObject({
    personal: { name: '王小明' },
  });
  const db = new DatabaseSync(resolve(fresh.data, 'portal.db'), { readOnly: true, timeout: 10_000 });
  const { keyset } = db.prepare('SELECT keyset FROM requests WHERE reference = ?').get(filed.reference) as {
    keyset: string;
  };
  db.close();
  expect(keyset.split(' ')).toHaveLength(2);

  // A request sealed the former way (format v1, before age: a fixture sealed with a key made for the tests only, over
  // fictitious data) moves to age in the inbox once the former key file is imported there, its note with it.
  const v1 = formerRequest;
  // Beside the running server: its own writes are waited for, well beyond the store's default.
  const store = openSqliteStore(resolve(fresh.data, 'portal.db'), BESIDE_A_SERVER);
  await fileFormerRequest(store, new Date().toISOString(), 'Eve Lalonde');
  store.close();
  await other.reload();
  await expect(other.locator(`tr[data-reference="${v1.reference}"]`)).toContainText('pas encore scellée');
  const former = resolve(tmpdir(), `officer-${crypto.randomUUID()}.private.jwk`);
  writeFileSync(former, JSON.stringify(v1.privateKey));
  await other.getByText('Ancienne clé commune').click();
  await other.getByLabel('Fichier de l’ancienne clé (officer.private.jwk)').setInputFiles(former);
  await expect(other.getByText('L’ancienne clé commune est sur cet appareil')).toBeVisible();
  await other.getByRole('button', { name: 'Resceller maintenant' }).click();
  await expect(other.getByRole('status').filter({ hasText: /demandes? rescellées?/ })).toContainText(/^1 /);
  await expect(other.locator(`tr[data-reference="${v1.reference}"]`)).not.toContainText('pas encore scellée');
  await other.getByRole('button', { name: v1.reference }).click();
  await expect(other.locator('[data-field="name"]')).toHaveText(v1.personal.name);
  // In age now: the recovery key opens it without the former key, note included.
  const shown = JSON.parse(cli('show', v1.reference, '--key', recoveryKey));
  expect(shown).toMatchObject({ personal: { name: v1.personal.name } });
  expect(JSON.stringify(shown)).toContain('Note scellée au format v1');
  await theirs.close();
});

test('a backup protected by a passkey (WebAuthn PRF) gives the key back with that passkey', async ({
  page,
  context,
}) => {
  test.slow();
  await authenticator(context, page, { hasPrf: true });
  const code = invite('Kim Prf');
  await page.goto('/en/officer/');
  await page.getByLabel('Invitation code').fill(code);
  await page.getByRole('button', { name: 'Create my passkey' }).click();
  await expect(page.getByText('Signed in: Kim Prf')).toBeVisible();
  await page.getByRole('button', { name: 'Make my key on this device' }).click();
  await page.getByRole('button', { name: 'Protect the backup with a passkey' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the encrypted backup' }).click();
  const path = resolve(tmpdir(), `officer-key-${crypto.randomUUID()}.age`);
  await (await download).saveAs(path);
  expect(readFileSync(path, 'utf8')).toMatch(/^passkey: AGE-PLUGIN-FIDO2PRF-1/);
  await page.getByLabel('I have put the backup somewhere safe').check();
  await page.getByRole('button', { name: 'Put my key into service' }).click();
  await expect(page.getByText('Your key is on this device')).toBeVisible();
  const filed = await file(page);
  await page.getByRole('button', { name: 'Forget the keys on this device' }).click();
  await page.getByLabel('Backup file (.age)').setInputFiles(path);
  // No passphrase to type: the backup names its passkey, which the device's authenticator shows.
  await expect(page.getByLabel('Backup passphrase')).toHaveCount(0);
  await page.getByRole('button', { name: 'Open the backup' }).click();
  await expect(page.getByText('Your key is on this device')).toBeVisible();
  await page.reload();
  await page.getByRole('button', { name: filed.reference }).click();
  await expect(page.locator('[data-field="name"]')).toHaveText('王小明');
});

/** Presses Tab until `target` has focus (at most `max` times): it must be reachable by keyboard alone. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('the main flow works from the keyboard alone: sign in, import the key, open, change the status', async ({
  page,
  context,
}) => {
  test.slow();
  // Listening from the start: Playwright intercepts the file dialog only once someone listens for it.
  const chooser = page.waitForEvent('filechooser');
  await enrolled(page, context, 'Fay Keyboard', 'en');
  const backup = await makeKey(page, 'en');
  const filed = await file(page);
  // A new device, or this one reset: the key comes back from its backup, by keyboard.
  await page.getByRole('button', { name: 'Forget the keys on this device' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  // From the top of the page, keys only (a file input opens its chooser on Enter in Chromium).
  await page.goto('/en/officer/');
  await tabTo(page, page.getByRole('button', { name: 'Sign in with my passkey' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Signed in: Fay Keyboard')).toBeVisible();
  const picker = page.getByLabel('Backup file (.age)');
  await tabTo(page, picker);
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(backup);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Backup passphrase')).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your key is on this device')).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: filed.reference }), 400);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Request ${filed.reference}` })).toBeFocused();
  const next = page.getByLabel('New status');
  await tabTo(page, next);
  await next.press('ArrowDown');
  await expect(next).toHaveValue('refused');
  await next.press('ArrowUp');
  await expect(next).toHaveValue('identity-verified');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Note (encrypted in your browser)')).toBeFocused();
  await page.keyboard.type('ID seen by video call');
  await tabTo(page, page.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('dd[data-status]')).toHaveText('Identity verified');
  await tabTo(page, page.getByRole('button', { name: 'Back to the list' }), 120);
  await page.keyboard.press('Enter');
  // Back where the officer left off: on the request's row.
  await expect(page.getByRole('button', { name: filed.reference })).toBeFocused();
});

/** The messages the server wrote for a reference (no SMTP_URL: .eml files in data/mail/), parsed. */
async function messagesAbout(reference: string) {
  const dir = resolve(DATA_DIR!, 'mail');
  const all = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.eml')) : [];
  const parsed = await Promise.all(all.map((f) => simpleParser(readFileSync(resolve(dir, f)))));
  return parsed.filter((m) => m.subject?.includes(reference));
}

test('the requester confirms their address from the e-mail; the officer sees it and tells them of a change', async ({
  page,
  context,
}) => {
  test.slow();
  // The officer's key exists before the request is filed: it is sealed for it (and the recovery key).
  await enrolled(page, context, 'Gil Courriel', 'fr');
  await makeKey(page, 'fr');
  const filed = await file(page);
  await expect.poll(async () => (await messagesAbout(filed.reference)).length).toBeGreaterThanOrEqual(1);
  const [receipt] = await messagesAbout(filed.reference);
  expect(receipt!.subject).toBe(`Votre demande ${filed.reference} a été reçue`);
  const link = /http:\/\/\S+confirm=\S+/.exec(String(receipt!.text))![0];
  // The link opens a page that asks for a click: a mail scanner opening it confirms nothing.
  await page.goto(link.replace(/^http:\/\/[^/]+/, ORIGIN));
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirmer mon adresse courriel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'votre adresse courriel est confirmée' })).toBeVisible();
  await page.goto(ORIGIN);
  await signIn(page, 'Gil Courriel', 'fr');
  await page.getByRole('button', { name: filed.reference }).click();
  await expect(page.locator('[data-email-confirmed]')).toHaveText(/^Confirmée par la personne le /);
  await expect(page.getByLabel('Prévenir la personne par courriel (xiaoming@example.org)')).toBeChecked();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByText('Courriel à la personne mis en file d’envoi.')).toBeVisible();
  await expect
    .poll(async () => (await messagesAbout(filed.reference)).map((m) => m.subject))
    .toContain(`Votre demande ${filed.reference} : Identité vérifiée`);
  await page.getByRole('button', { name: 'Retour à la liste' }).click();
  await page
    .getByRole('navigation', { name: 'Sections de l’espace' })
    .getByRole('button', { name: 'Courriels' })
    .click();
  await expect(page.getByRole('heading', { name: 'Courriels' })).toBeVisible();
  await expectAccessible(page);
});

test('the inbox links the officer’s guide in the officer’s language, and the guide the other language’s', async ({
  page,
}) => {
  await page.goto('/fr/responsable/');
  await page.getByRole('link', { name: 'Guide de la personne responsable' }).click();
  await expect(page).toHaveURL(/\/fr\/responsable\/guide\/$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Le délai légal : 30 jours' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'The privacy officer’s guide' }).click();
  await expect(page).toHaveURL(/\/en\/officer\/guide\/$/);
  await expect(page.getByRole('heading', { level: 2, name: 'The legal clock: 30 days' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the inbox' }).click();
  await expect(page).toHaveURL(/\/en\/officer\/$/);
});
