import { describe, expect, it } from 'vitest';
import type { ProofOfWork } from './app.ts';
import { open } from '../../shared/crypto/sealed.ts';
import { PORTAL, setup, testPages, validReceipt, validRequest } from '../testing.ts';

describe('filing a request', () => {
  it('answers 201 with a readable reference, the due date 30 days later and a status address', async () => {
    const { post, store } = await setup();
    const response = await post(validRequest, { 'Idempotency-Key': 'a1b2c3d4e5f6a7b8c9d0' });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.reference).toMatch(/^2026-[2-9A-HJ-NP-TW-Z]{4}-[2-9A-HJ-NP-TW-Z]{4}$/);
    expect(body.dueDate).toBe('2026-12-23T15:00:00.000Z');
    expect(body.statusUrl).toMatch(new RegExp(`^/fr/demande/suivi/\\?ref=${body.reference}&token=[\\w-]{43}$`));
    const [row] = await store.listRequests();
    expect(row).toMatchObject({ reference: body.reference, type: 'access', status: 'received' });
  });

  it('stores only reference, type, dates and status in clear; the rest opens with the officer’s key', async () => {
    const { post, store, keys } = await setup();
    const body = await (
      await post({ ...validRequest, name: 'محمد عبد الله', phone: '+1 514 555-0199', fileNumber: 'P-2024/118' })
    ).json();
    const [row] = await store.listRequests();
    const raw = JSON.stringify(row);
    for (const secret of ['محمد', 'minh@example.org', '555-0199', 'P-2024', 'copie de mon dossier'])
      expect(raw).not.toContain(secret);
    expect(await open(row!.sealed, keys, body.reference)).toEqual({
      name: 'محمد عبد الله',
      email: 'minh@example.org',
      phone: '+1 514 555-0199',
      fileNumber: 'P-2024/118',
      relation: 'participant',
      details: 'Je veux une copie de mon dossier de participante.',
      language: 'fr',
      replyFormat: 'pdf',
      capacity: 'self-adult',
    });
  });

  it('files a retried submission once and gives the same answer', async () => {
    const { post, store } = await setup();
    const first = await (await post(validRequest, { 'Idempotency-Key': 'retry-key-0000000001' })).json();
    const again = await post(validRequest, { 'Idempotency-Key': 'retry-key-0000000001' });
    expect(again.status).toBe(200);
    const second = await again.json();
    expect(second).toMatchObject({ reference: first.reference, statusUrl: first.statusUrl, duplicate: true });
    expect(await store.listRequests()).toHaveLength(1);
    expect((await store.listAudit()).filter((a) => a.action === 'received')).toHaveLength(1);
  });

  it('tells the requester the status with the token, and nothing without it', async () => {
    const { post, app, clock } = await setup();
    const { reference, statusUrl } = await (await post(validRequest)).json();
    const token = new URL(statusUrl, PORTAL).searchParams.get('token');
    const ok = await app.request(`${PORTAL}/api/requests/${reference}/status?token=${token}`);
    expect(await ok.json()).toMatchObject({
      reference,
      status: 'received',
      overdue: false,
      dueAt: '2026-12-23T15:00:00.000Z',
    });
    expect((await app.request(`${PORTAL}/api/requests/${reference}/status?token=${'x'.repeat(43)}`)).status).toBe(404);
    expect((await app.request(`${PORTAL}/api/requests/${reference}/status`)).status).toBe(404);
    clock.now = new Date('2026-12-24T00:00:00Z');
    expect(
      (await (await app.request(`${PORTAL}/api/requests/${reference}/status?token=${token}`)).json()).overdue,
    ).toBe(true);
  });

  it('works without JavaScript: a form post is answered by a redirect to the status page, errors by a page listing them', async () => {
    const { app, store } = await setup({ pages: testPages });
    const form = new URLSearchParams({ ...validRequest, acknowledged: 'on', phone: '', idempotencyKey: '' });
    const filed = await app.request(`${PORTAL}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PORTAL },
      body: form.toString(),
    });
    expect(filed.status).toBe(303);
    expect(filed.headers.get('Location')).toMatch(
      /^\/fr\/demande\/suivi\/\?ref=2026-[\w]{4}-[\w]{4}&token=[\w-]+&new=1$/,
    );
    form.set('email', 'nope');
    const refused = await app.request(`${PORTAL}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PORTAL },
      body: form.toString(),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('L’adresse courriel n’est pas valide');
    expect(await store.listRequests()).toHaveLength(1);
    // The status address opens the page with the request's state.
    const page = await app.request(`${PORTAL}${filed.headers.get('Location')}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Votre demande a bien été reçue');
  });

  it('limits each client address, with Retry-After', async () => {
    const { post, store } = await setup({ limits: { perWindow: 2 } });
    expect((await post(validRequest)).status).toBe(201);
    expect((await post({ ...validRequest, details: 'Une deuxième demande différente.' })).status).toBe(201);
    const third = await post({ ...validRequest, details: 'Une troisième demande différente.' });
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(
      (await post({ ...validRequest, details: 'Depuis une autre adresse.' }, { 'X-Test-Client': '198.51.100.9' }))
        .status,
    ).toBe(201);
    expect(await store.listRequests()).toHaveLength(3);
  });

  it('checks the proof of work and refuses a replayed one', async () => {
    const proof: ProofOfWork = {
      challenge: async () => ({ c: 1 }),
      verify: async (p) =>
        p.startsWith('good')
          ? { signature: p, expiresAt: Date.UTC(2026, 10, 23, 15, 20) }
          : p.startsWith('old')
            ? { signature: p, expiresAt: Date.UTC(2026, 10, 23, 14) }
            : null,
    };
    const { post, store, app } = await setup({ proof });
    expect(await (await app.request(`${PORTAL}/api/altcha`)).json()).toEqual({ c: 1 });
    expect((await post({ ...validRequest, altcha: 'good-1' })).status).toBe(201);
    const replay = await post({ ...validRequest, details: 'Autre demande avec la même preuve.', altcha: 'good-1' });
    expect(replay.status).toBe(400);
    expect((await replay.json()).fields.altcha.code).toBe('altcha.required');
    expect((await post({ ...validRequest, altcha: 'bad' })).status).toBe(400);
    expect((await post({ ...validRequest, altcha: 'old-expired' })).status).toBe(400);
    expect((await post(validRequest)).status).toBe(400);
    expect(await store.listRequests()).toHaveLength(1);
    // The very same bytes sent again after the answer was lost (its proof already spent): the same reference.
    const key = { 'Idempotency-Key': 'lost-answer-key-0001' };
    const sent = { ...validRequest, details: 'Une demande dont la réponse s’est perdue.', altcha: 'good-2' };
    const filed = await post(sent, key);
    expect(filed.status).toBe(201);
    for (let retry = 0; retry < 3; retry++) {
      const again = await post(sent, key);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ reference: (await filed.clone().json()).reference, duplicate: true });
    }
    // The same key with other words, or from another network, is still refused, and spends no proof.
    expect((await post({ ...sent, details: 'Autre chose.', altcha: 'good-3' }, key)).status).toBe(422);
    expect((await post(sent, { ...key, 'X-Test-Client': '203.0.113.99' })).status).toBe(409);
    expect((await post({ ...validRequest, details: 'La preuve 3 sert encore.', altcha: 'good-3' })).status).toBe(201);
    expect(await store.listRequests()).toHaveLength(3);
    // A form sent without JavaScript cannot solve the proof: it is taken under a tighter limit.
    const plain = (details: string) =>
      app.request(`${PORTAL}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PORTAL, 'X-Test-Client': '192.0.2.44' },
        body: new URLSearchParams({ ...validRequest, acknowledged: 'on', details }).toString(),
      });
    expect((await plain('Sans JavaScript, première demande.')).status).toBe(303);
    expect((await plain('Sans JavaScript, deuxième demande.')).status).toBe(303);
    expect((await plain('Sans JavaScript, troisième demande.')).status).toBe(429);
  });

  it('sends security headers and logs no personal data', async () => {
    const { post, lines } = await setup();
    const response = await post({ ...validRequest, email: 'secret-person@example.org' });
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(JSON.stringify(lines)).not.toContain('secret-person');
    expect(JSON.stringify(lines)).not.toContain('203.0.113.7');
  });
});

describe('consent receipts from the widget', () => {
  const receipt = validReceipt;
  const send = (app: Awaited<ReturnType<typeof setup>>['app'], body: unknown) =>
    app.request(`${PORTAL}/api/consent-receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://www.citim.test' },
      body: JSON.stringify(body),
    });

  it('files a receipt, append-only, and refuses anything else', async () => {
    const { app, store } = await setup();
    expect((await send(app, receipt)).status).toBe(201);
    expect((await send(app, { ...receipt, email: 'x@example.org' })).status).toBe(400);
    expect((await send(app, { ...receipt, id: 'Jean Dupont' })).status).toBe(400);
    expect((await send(app, [receipt])).status).toBe(400);
    expect(await store.countConsentReceipts()).toBe(1);
  });
});
