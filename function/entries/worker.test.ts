// The function as a Cloudflare Worker: bundled, run in workerd by Miniflare, on a D1 database migrated with the shared
// SQL.
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSealed, newIdentity, open } from '../../shared/crypto/sealed.ts';
import { createInvitation } from '../store/access.ts';
import { type D1Database, d1AccessStore, d1Store } from '../store/d1.ts';
import { migrateD1, validRequest, workerScript } from '../testing.ts';
import { type Received, type TestSmtp, testSmtp } from '../mail/testing.ts';

const ORIGIN = 'https://portal.test';
const template = '<html><main><div id="request-status" data-slot><p>Ouvrez le lien.</p></div></main></html>';
/** Files of a build the assets binding serves as they are: the search page, its index, a comparison's page. */
const BUILT: Record<string, string> = {
  '/fr/recherche/index.html':
    '<html><a href="/en/search/" data-lang-switch>English</a><input id="search-query" name="q">' +
    '<noscript data-search-results data-none="Aucun résultat pour « {query} »." data-one="1 résultat" ' +
    'data-other="{count} résultats pour « {query} »." data-superseded="version {version}">…</noscript></html>',
  '/search-index.json': JSON.stringify([
    {
      lang: 'fr',
      document: 'fr/policy',
      title: 'Politique de confidentialité',
      url: '/fr/politique-de-confidentialite/',
      sections: [{ heading: 'Témoins', anchor: 'temoins', text: 'Nous utilisons des témoins de mesure d’audience.' }],
    },
  ]),
  '/fr/politique-de-confidentialite/comparer/index.html':
    '<html><a href="/en/privacy-policy/compare/" data-lang-switch>English</a><form></form></html>',
};
let mf: Miniflare;
let recovery: { identity: string; recipient: string };
let smtp: TestSmtp;

beforeAll(async () => {
  smtp = await testSmtp();
  recovery = await newIdentity();
  mf = new Miniflare({
    modules: true,
    script: await workerScript(),
    compatibilityDate: '2026-07-01',
    d1Databases: ['DB'],
    bindings: {
      RECOVERY_PUBLIC_KEY: recovery.recipient,
      PORTAL_SECRET: 'worker-test-secret',
      PORTAL_ORIGINS: ORIGIN,
      PORTAL_ALTCHA: 'off',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURITY: 'off',
      MAIL_FROM: 'Portail <portail@portal.test>',
      OFFICER_EMAILS: 'responsable@portal.test',
    },
    serviceBindings: {
      ASSETS: async (request: Request) => {
        const path = new URL(request.url).pathname;
        if (path in BUILT) return new Response(BUILT[path], { headers: { 'Content-Type': 'text/html' } });
        if (path.endsWith('/comparer/1.0-1.9/index.html')) return new Response('not built', { status: 404 });
        return new Response(path.endsWith('index.html') ? template : 'static file', {
          headers: { 'Content-Type': 'text/html' },
        });
      },
    },
  });
  await migrateD1(await mf.getD1Database('DB'));
}, 60_000);
afterAll(async () => {
  await mf?.dispose();
  await smtp?.close();
});

/** A request's row as D1 holds it. */
const requestRow = async (reference: string) =>
  (await (
    await mf.getD1Database('DB')
  )
    .prepare('SELECT sealed FROM requests WHERE reference = ?')
    .bind(reference)
    .first<{ sealed: string }>())!;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  mf.dispatchFetch(`${ORIGIN}/api/requests`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'CF-Connecting-IP': '203.0.113.9', ...headers },
    body: JSON.stringify(body),
  });

describe('the Workers entry on D1, in workerd', () => {
  it('answers /healthz and /readyz from workerd: D1 writable, its schema this code’s, a key set', async () => {
    expect(await (await mf.dispatchFetch(`${ORIGIN}/healthz`)).json()).toEqual({ status: 'alive' });
    const ready = await mf.dispatchFetch(`${ORIGIN}/readyz`);
    const body = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean }> };
    expect({ status: ready.status, body: body.status }).toEqual({ status: 200, body: 'ready' });
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'key', 'outbox', 'schema']);
    expect(JSON.stringify(body)).not.toMatch(/age1|portal\.test|\.sql/);
  });

  it('files a request sealed for the recovery key, once per idempotency key', async () => {
    const first = await post(validRequest, { 'Idempotency-Key': 'worker-key-000000001' });
    expect(first.status).toBe(201);
    const { reference, statusUrl } = (await first.json()) as { reference: string; statusUrl: string };
    const again = await post(validRequest, { 'Idempotency-Key': 'worker-key-000000001' });
    expect(again.status).toBe(200);
    const db = await mf.getD1Database('DB');
    const rows = (
      await db.prepare('SELECT reference, sealed FROM requests').all<{ reference: string; sealed: string }>()
    ).results;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.sealed).not.toContain('example.org');
    expect(
      await open<{ email: string }>(rows[0]!.sealed, { identities: [recovery.identity] }, reference),
    ).toMatchObject({
      email: validRequest.email,
    });
    const audit = (await db.prepare('SELECT action FROM audit').all<{ action: string }>()).results;
    // The recovery key the worker runs with is recorded (and audited) at its first filing.
    expect(audit).toEqual([{ action: 'keys:recovery' }, { action: 'received' }]);
    // The status page, filled in from the template the assets binding serves.
    const page = await mf.dispatchFetch(`${ORIGIN}${statusUrl}&new=1`);
    expect(await page.text()).toContain(reference);
  });

  it('answers bad input as the Node entry does', async () => {
    expect((await post({ ...validRequest, email: 'nope' })).status).toBe(400);
    expect((await post(validRequest, { Origin: 'https://evil.test' })).status).toBe(403);
    const tooBig = await mf.dispatchFetch(`${ORIGIN}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: 'x'.repeat(40_000),
    });
    expect(tooBig.status).toBe(413);
  });

  it('keeps rate-limit counters in D1 and hands other paths to the static assets', async () => {
    let last = 0;
    for (let i = 0; i < 7; i++)
      last = (
        await post(
          { ...validRequest, details: `Demande numéro ${i} depuis la même adresse.` },
          { 'CF-Connecting-IP': '198.51.100.1' },
        )
      ).status;
    expect(last).toBe(429);
    const page = await mf.dispatchFetch(`${ORIGIN}/fr/`);
    expect(await page.text()).toBe('static file');
    expect(page.headers.get('X-Frame-Options')).toBe('DENY');
  });

  it('answers the search and the comparison without a script, as the Node entry does, from the assets', async () => {
    const found = await mf.dispatchFetch(`${ORIGIN}/fr/recherche/?q=t%C3%A9moins`);
    const html = await found.text();
    expect(html).toContain('1 résultat');
    expect(html).toContain('<mark>témoins</mark>');
    expect(html).toContain('href="/en/search/?q=t%C3%A9moins"');
    const pair = await mf.dispatchFetch(`${ORIGIN}/fr/politique-de-confidentialite/comparer/?from=1.0&to=1.1`, {
      redirect: 'manual',
    });
    expect(pair.status).toBe(303);
    expect(pair.headers.get('Location')).toBe('/fr/politique-de-confidentialite/comparer/1.0-1.1/');
    // A pair not made at build: the compare page itself, its language switch asking the same.
    const asked = await mf.dispatchFetch(`${ORIGIN}/fr/politique-de-confidentialite/comparer/?from=1.0&to=1.9`);
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain('href="/en/privacy-policy/compare/?from=1.0&amp;to=1.9"');
  });

  it('keeps the audit log append-only in D1', async () => {
    const db = await mf.getD1Database('DB');
    await expect(db.prepare('DELETE FROM audit').run()).rejects.toThrow(/append-only/);
  });

  it('opens the inbox API on D1: an invitation offers a passkey ceremony, once; the list needs a session', async () => {
    const db = (await mf.getD1Database('DB')) as unknown as D1Database;
    const access = d1AccessStore(db);
    const now = new Date();
    const code = await createInvitation(access, 'Ana Bel', 'cli', now);
    const officerCall = (path: string, body?: unknown) =>
      mf.dispatchFetch(`${ORIGIN}/api/officer${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN, 'X-Officer': '1' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const options = await officerCall('/enrol/options', { code });
    expect(options.status).toBe(200);
    expect(((await options.json()) as { rp: { id: string } }).rp.id).toBe('portal.test');
    expect((await officerCall('/requests')).status).toBe(401);
    // The store's atomic steps on D1: an invitation creates its officer once, and never after.
    const { invitationHash } = await import('../store/access.ts');
    const at = now.toISOString();
    const hash = await invitationHash(code);
    const bound = (id: string, codeHash = hash) =>
      access.redeemInvitation(
        codeHash,
        at,
        { id, name: 'Ana Bel', createdAt: at, revokedAt: null },
        {
          credentialId: `cred-${id}`,
          officerId: id,
          publicKey: 'AA',
          counter: 0,
          transports: null,
          createdAt: at,
          lastUsedAt: null,
        },
        { at, reference: null, action: 'officer:enrol', operator: 'Ana Bel', detail: null },
      );
    expect(await bound('nobody', 'no-such-hash')).toBe(false);
    expect(await bound('first')).toBe(true);
    expect(await bound('second')).toBe(false);
    expect((await access.listOfficers()).map((o) => o.id)).toEqual(['first']);
    expect(await access.getPasskey('cred-second')).toBeNull();
    // The only officer: revoking them would leave nobody to sign in.
    expect(
      await access.revokeOfficer('first', at, {
        at,
        reference: null,
        action: 'officer:revoke',
        operator: 'x',
        detail: null,
      }),
    ).toBe(false);
    expect((await access.getOfficer('first'))?.revokedAt).toBeNull();
  });

  it('pages the inbox list on D1, and seals for an officer’s device key from the moment it is added', async () => {
    const db = (await mf.getD1Database('DB')) as unknown as D1Database;
    const access = d1AccessStore(db);
    const at = new Date().toISOString();
    const code = await createInvitation(access, 'Bo', 'cli', new Date());
    const { invitationHash, sha256 } = {
      ...(await import('../store/access.ts')),
      ...(await import('../../shared/crypto/encoding.ts')),
    };
    const officer = { id: 'bo', name: 'Bo', createdAt: at, revokedAt: null };
    const passkey = { credentialId: 'cred-bo', officerId: 'bo', publicKey: 'AA', counter: 0, transports: null };
    await access.redeemInvitation(
      await invitationHash(code),
      at,
      officer,
      { ...passkey, createdAt: at, lastUsedAt: null },
      {
        at,
        reference: null,
        action: 'officer:enrol',
        operator: 'Bo',
        detail: null,
      },
    );
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    await access.addSession({
      idHash: await sha256('session:bo'),
      officerId: 'bo',
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      revokedAt: null,
    });
    const headers = {
      Cookie: 'officer_session=bo',
      Origin: ORIGIN,
      'X-Officer': '1',
      'Content-Type': 'application/json',
    };
    const list = await mf.dispatchFetch(`${ORIGIN}/api/officer/requests?status=all&size=1`, { headers });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { total: number; rows: { reference: string; sealed?: string }[] };
    expect(page.total).toBeGreaterThan(1);
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]!.sealed).toBeUndefined();
    // Bo adds the key made on their device: requests filed from now on are sealed for it and the recovery key.
    const device = await newIdentity();
    const added = await mf.dispatchFetch(`${ORIGIN}/api/officer/keys`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ recipient: device.recipient }),
    });
    expect(added.status).toBe(201);
    const keys = (await (await mf.dispatchFetch(`${ORIGIN}/api/officer/keys`, { headers })).json()) as {
      recipients: string[];
    };
    expect(keys.recipients).toEqual([recovery.recipient, device.recipient]);
    const filed = await post(validRequest, { 'Idempotency-Key': crypto.randomUUID() });
    const { reference } = (await filed.json()) as { reference: string };
    const row = await requestRow(reference);
    expect(isSealed(row.sealed, 2)).toBe(true);
    expect(await open<{ email: string }>(row.sealed, { identities: [device.identity] }, reference)).toMatchObject({
      email: validRequest.email,
    });
  });

  it('sends the filing’s messages over SMTP from workerd, and drains the D1 outbox from the scheduled handler', async () => {
    const filed = await post({ ...validRequest, language: 'en' }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    // Right after the answer (waitUntil): the receipt and the officer's notice (others' may still be arriving).
    const ours = (received: Received[]) => received.filter((m) => m.raw.includes(reference));
    const arrived = ours(await smtp.waitUntil((received) => ours(received).length >= 2));
    const receipt = arrived.find((m) => m.to.includes(validRequest.email))!;
    expect(receipt.parsed.subject).toBe(`Your request ${reference} has been received`);
    expect(receipt.parsed.messageId).toMatch(/^<[\w-]+@portal\.test>$/);
    expect(receipt.parsed.text).toContain(`${ORIGIN}/en/request/status/?ref=${reference}&token=`);
    const notice = arrived.find((m) => m.to.includes('responsable@portal.test'))!;
    expect(notice.raw).not.toContain(validRequest.name);
    // The confirmation link works on D1 too: once, then "already".
    const link = new URL(/https?:\/\/\S+confirm=\S+/.exec(String(receipt.parsed.text))![0]);
    const confirm = () =>
      mf.dispatchFetch(`${ORIGIN}/api/requests/${reference}/confirm`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
        body: JSON.stringify({ code: link.searchParams.get('confirm'), token: link.searchParams.get('token') }),
      });
    expect(await (await confirm()).json()).toEqual({ outcome: 'confirmed' });
    expect(await (await confirm()).json()).toEqual({ outcome: 'already' });
    // A message left in the outbox (a waitUntil cut short) goes out with the next Cron Trigger.
    const db = (await mf.getD1Database('DB')) as unknown as D1Database;
    const store = d1Store(db);
    const at = new Date(Date.now() - 1000).toISOString();
    const message = { id: 'left-behind', kind: 'status' as const, reference, recipient: 'lea@example.org' };
    const data = { type: 'access', status: 'in-progress' as const, dueAt: at, lang: 'fr' as const, closed: false };
    await store.enqueueMessages([{ ...message, data }], at);
    // The scheduled handler, as a Cron Trigger calls it (Miniflare's Fetcher has it; its types say otherwise).
    const worker = (await mf.getWorker()) as unknown as { scheduled(options: { cron: string }): Promise<unknown> };
    await worker.scheduled({ cron: '*/5 * * * *' });
    const leftBehind = (received: Received[]) =>
      received.some((m) => m.parsed.messageId === '<left-behind@portal.test>');
    expect(leftBehind(await smtp.waitUntil(leftBehind))).toBe(true);
    expect(await store.listUndelivered()).toEqual([]);
    expect(await store.emailConfirmedAt(reference)).toMatch(/^\d{4}-\d\d-\d\dT/);
  }, 30_000);
});
