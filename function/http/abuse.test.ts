// The function under abuse, through app.request(): rate limits by network, idempotency keys bound to request and
// sender, the no-JavaScript path, origins, the status page, consent receipts and the admin API's notes.
import { describe, expect, it } from 'vitest';
import { exportRequest, purge, showRequest } from '../domain/officer.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { PORTAL, setup, testPages, validReceipt, validRequest } from '../testing.ts';

const formOf = (fields: Record<string, unknown>) =>
  new URLSearchParams(
    Object.fromEntries(Object.entries({ ...fields, acknowledged: 'on' }).map(([k, v]) => [k, String(v)])),
  ).toString();

describe('rate limits', () => {
  it('count an IPv6 network as one client, whatever address of its /64 it uses', async () => {
    const { post } = await setup({ limits: { perWindow: 2 } });
    const from = (client: string, n: number) =>
      post({ ...validRequest, details: `Demande numéro ${n} depuis ce réseau.` }, { 'X-Test-Client': client });
    expect((await from('2001:db8:7:1::1', 1)).status).toBe(201);
    expect((await from('2001:db8:7:1:ffff:2:3:4', 2)).status).toBe(201);
    expect((await from('2001:db8:7:1::abcd', 3)).status).toBe(429);
    // Another /64 is another client.
    expect((await from('2001:db8:7:2::1', 4)).status).toBe(201);
  });

  it('count only what is filed: typos and a retried submission never use up the limit', async () => {
    const { post } = await setup({ limits: { perWindow: 2 } });
    for (let i = 0; i < 20; i++) expect((await post({ ...validRequest, email: `typo-${i}` })).status).toBe(400);
    const key = { 'Idempotency-Key': 'retried-key-0000000001' };
    expect((await post(validRequest, key)).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await post(validRequest, key)).status).toBe(200);
    expect((await post({ ...validRequest, details: 'Une deuxième demande, bien différente.' })).status).toBe(201);
    expect((await post({ ...validRequest, details: 'Une troisième demande, de trop.' })).status).toBe(429);
  });

  it('still stop a flood of refused submissions, generously', async () => {
    const { post } = await setup({ limits: { invalidPerWindow: 10 } });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await post({ ...validRequest, email: `x${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('answer a form sent without JavaScript with a page in the person’s language that says when to try again', async () => {
    const { app, clock } = await setup({ limits: { perWindow: 1 }, pages: testPages });
    const send = (details: string, language = 'en') =>
      app.request(`${PORTAL}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PORTAL },
        body: formOf({ ...validRequest, language, details }),
      });
    expect((await send('First request sent without JavaScript.')).status).toBe(303);
    clock.now = new Date('2026-11-23T15:03:00Z');
    const refused = await send('Second request sent without JavaScript.');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Content-Type')).toMatch(/^text\/html/);
    expect(refused.headers.get('Retry-After')).toBe('420');
    const page = await refused.text();
    expect(page).toContain('Try again in 7 min');
    expect(page).toContain('href="/en/request/"');
    const french = await send('Troisième demande, en français.', 'fr');
    expect(await french.text()).toContain('Réessayez dans 7 min');
  });

  it('cover the status page and the status API together, and the page answers in its language', async () => {
    const { app, post } = await setup({ limits: { statusPerWindow: 3 }, pages: testPages });
    const { reference, statusUrl } = await (await post(validRequest)).json();
    const token = new URL(statusUrl, PORTAL).searchParams.get('token');
    expect((await app.request(`${PORTAL}/api/requests/${reference}/status?token=${token}`)).status).toBe(200);
    expect((await app.request(`${PORTAL}/en/request/status/?ref=${reference}&token=${token}`)).status).toBe(200);
    expect((await app.request(`${PORTAL}/fr/demande/suivi/?ref=${reference}&token=${token}`)).status).toBe(200);
    const page = await app.request(`${PORTAL}/en/request/status/?ref=${reference}&token=${token}`);
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('Try again in');
    expect((await app.request(`${PORTAL}/api/requests/${reference}/status?token=${token}`)).status).toBe(429);
  });
});

describe('idempotency keys', () => {
  it('refuse the same key with a different request (422): nothing filed, nothing handed out', async () => {
    const { post, store } = await setup();
    const key = { 'Idempotency-Key': 'kept-across-back-0001' };
    expect((await post(validRequest, key)).status).toBe(201);
    const changed = await post({ ...validRequest, details: 'J’ai corrigé ma demande avant de la renvoyer.' }, key);
    expect(changed.status).toBe(422);
    const body = await changed.json();
    expect(body.error).toBe('idempotency-mismatch');
    expect(JSON.stringify(body)).not.toMatch(/token|statusUrl|reference/);
    expect(await store.listRequests()).toHaveLength(1);
  });

  it('never hand the status address to a second sender reusing someone’s key (409)', async () => {
    const { post } = await setup();
    const key = { 'Idempotency-Key': 'someone-elses-key-001' };
    const first = await (await post(validRequest, { ...key, 'X-Test-Client': '198.51.100.20' })).json();
    const thief = await post(validRequest, { ...key, 'X-Test-Client': '203.0.113.99' });
    expect(thief.status).toBe(409);
    const text = await thief.text();
    expect(text).not.toContain(first.reference);
    expect(text).not.toContain(new URL(first.statusUrl, PORTAL).searchParams.get('token'));
    // The sender itself, retrying, gets its own answer back.
    expect(await (await post(validRequest, { ...key, 'X-Test-Client': '198.51.100.20' })).json()).toMatchObject({
      statusUrl: first.statusUrl,
      duplicate: true,
    });
  });

  it('tell a person whose plain form was sent twice that it had already been received, not that it just was', async () => {
    const { app } = await setup({ pages: testPages });
    const send = () =>
      app.request(`${PORTAL}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: PORTAL },
        body: formOf(validRequest),
      });
    expect((await send()).headers.get('Location')).toMatch(/&new=1$/);
    const again = (await send()).headers.get('Location')!;
    expect(again).toMatch(/&again=1$/);
    expect(await (await app.request(`${PORTAL}${again}`)).text()).toContain('avait déjà été reçue');
  });
});

describe('origins', () => {
  it('trust the configured origins only, never the Host header (DNS rebinding)', async () => {
    const { app, store } = await setup();
    const send = (headers: Record<string, string>) =>
      app.request('http://evil.example/api/requests', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(validRequest),
      });
    expect((await send({ Host: 'evil.example', Origin: 'http://evil.example' })).status).toBe(403);
    expect((await send({ Host: 'evil.example', Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(403);
    expect((await send({ Host: 'portal.test', Origin: 'null', 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    expect(await store.listRequests()).toHaveLength(1);
  });
});

describe('consent receipts', () => {
  const receipt = validReceipt;
  const send = async (body: unknown, contentType = 'application/json') => {
    const s = await setup();
    const response = await s.app.request(`${PORTAL}/api/consent-receipts`, {
      method: 'POST',
      headers: { 'Content-Type': contentType, Origin: 'https://www.citim.test' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, stored: await s.store.countConsentReceipts() };
  };
  const deep = `${JSON.stringify(receipt).slice(0, -1)},"lang":${'['.repeat(10_000)}true${']'.repeat(10_000)}}`;

  const refused: [string, unknown][] = [
    ['a language the widget does not speak', { ...receipt, lang: 'Jean Dupont, 514 555-0199' }],
    ['GPC as text', { ...receipt, gpc: 'yes' }],
    ['a first decision that is not a date', { ...receipt, firstDecidedAt: 'jean@example.org' }],
    ['a first decision after the decision', { ...receipt, firstDecidedAt: '2026-12-01T00:00:00.000Z' }],
    ['a decision from the future', { ...receipt, decidedAt: '2026-12-30T12:00:00.000Z' }],
    ['a decision two days ahead of the clock', { ...receipt, decidedAt: '2026-11-25T16:00:00.000Z' }],
    [
      'a decision from long ago',
      { ...receipt, decidedAt: '2024-03-04T12:00:00.000Z', firstDecidedAt: '2024-03-04T12:00:00.000Z' },
    ],
    ['a first decision from two decades ago', { ...receipt, firstDecidedAt: '2006-11-23T12:00:00.000Z' }],
    ['a decision time without milliseconds or zone', { ...receipt, decidedAt: '2026-11-23 12:00' }],
    ['a revision as text', { ...receipt, declarationRevision: 'one' }],
    ['a fractional revision', { ...receipt, declarationRevision: 1.5 }],
    ['an unknown category', { ...receipt, choices: { ...receipt.choices, 'email=jean@example.org': true } }],
    ['a category missing', { ...receipt, choices: { necessary: true } }],
    ['necessary refused', { ...receipt, choices: { ...receipt.choices, necessary: false } }],
    ['a site that is not a host name', { ...receipt, site: 'Jean Dupont <jean@example.org>' }],
    ['an unknown method', { ...receipt, method: 'coerced' }],
    ['an extra key', { ...receipt, email: 'jean@example.org' }],
    ['a 10,000-level nested value', deep],
  ];
  for (const [name, body] of refused)
    it(`refuse ${name} (400), storing nothing`, async () => {
      expect(await send(body)).toEqual({ status: 400, stored: 0 });
    });

  it('accept a decision a few hours ahead or days behind the server’s clock (a visitor’s clock is rarely right)', async () => {
    expect((await send({ ...receipt, decidedAt: '2026-11-24T02:00:00.000Z' })).status).toBe(201);
    expect(
      (await send({ ...receipt, decidedAt: '2026-11-19T02:00:00.000Z', firstDecidedAt: '2025-01-01T00:00:00.000Z' }))
        .status,
    ).toBe(201);
  });

  it('accept the media type in any case, like the requests route, and refuse other charsets', async () => {
    expect(await send(receipt, 'Application/JSON; charset=UTF-8')).toEqual({ status: 201, stored: 1 });
    expect((await send(receipt, 'application/json; charset=iso-8859-1')).status).toBe(415);
  });
});

describe('the admin API', () => {
  const TOKEN = 'officer-admin-token-0123456789abcdef0123';
  const admin = async () => {
    const s = await setup({ adminTokenHash: await sha256(TOKEN) });
    const { reference } = await (await s.post(validRequest)).json();
    const call = (path: string, body: unknown) =>
      s.app.request(`${PORTAL}/api/admin${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    return { ...s, reference, call };
  };

  it('refuses a note that only looks sealed, so clear text never lands in the log', async () => {
    const { call, reference, store } = await admin();
    for (const note of [
      'v1.Jean Tremblay a appelé le 514 555-0199',
      'v1.aaaaaaaaaa.bbbbbbbbbb.cccccccccc.dddddddddd',
      'clear text',
    ])
      expect(
        (
          await call(`/requests/${reference}/status`, {
            status: 'identity-verified',
            from: 'received',
            operator: 'a.tremblay',
            note,
          })
        ).status,
        note,
      ).toBe(400);
    expect((await store.getRequest(reference))?.status).toBe('received');
    expect((await store.listAudit(reference)).map((a) => a.action)).toEqual(['received']);
  });

  it('deletes a reference named twice once, with one audit entry', async () => {
    const { call, reference, store, clock } = await admin();
    expect(
      (await call(`/requests/${reference}/status`, { status: 'withdrawn', from: 'received', operator: 'a.tremblay' }))
        .status,
    ).toBe(200);
    clock.now = new Date('2033-01-01T00:00:00Z');
    const response = await call('/purge', { references: [reference, reference], operator: 'a.tremblay' });
    expect(await response.json()).toEqual({ deleted: 1 });
    expect((await store.listAudit(reference)).filter((a) => a.action === 'purged')).toHaveLength(1);
  });

  it('refuses a retention period under the policy’s six years, whoever asks', async () => {
    const s = await setup({ retentionYears: 1 });
    await expect(purge(s.store, { now: new Date('2040-01-01'), retentionYears: 1, operator: 'x' })).rejects.toThrow(
      /at least 6 years/,
    );
  });
});

describe('the officer’s tools', () => {
  it('still open and export a request whose log holds a note that does not open', async () => {
    const s = await setup();
    const { reference } = await (await s.post(validRequest)).json();
    const at = '2026-11-24T00:00:00.000Z';
    await s.store.setStatus(
      { reference, from: 'received', to: 'identity-verified', at, closedAt: null },
      {
        at: '2026-11-24T00:00:00.000Z',
        reference,
        action: 'status:identity-verified',
        operator: 'x',
        detail: 'v1.not.a.real.seal',
      },
    );
    const shown = await showRequest(s.store, reference, s.keys);
    expect(shown.audit[1]!.detail).toMatch(/cannot be opened/);
    expect(await exportRequest(s.store, reference, s.keys, 'json', 'x', new Date())).toContain(validRequest.email);
  });
});
