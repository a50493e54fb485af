// One reading of a body everywhere one is read: a JSON key given twice is refused like a form field given twice, on
// the request form's route, the widget's receipts, the officer's inbox and the admin API alike.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { officerInbox, PORTAL, validReceipt, validRequest } from '../testing.ts';

const TOKEN = 'officer-admin-token-0123456789abcdef0123';
/** A body JSON.parse reads as `valid` (the last value wins), with `key` given once more, first, as `first`. */
const twice = (valid: Record<string, unknown>, key: string, first: unknown) =>
  `{${JSON.stringify(key)}:${JSON.stringify(first)},${JSON.stringify(valid).slice(1)}`;

async function deployment() {
  const store = openSqliteStore(':memory:');
  const t = await officerInbox(store, { adminTokenHash: await sha256(TOKEN) });
  const { reference } = await (await t.post(validRequest)).json();
  const { cookie } = await t.session();
  const admin = (route: string, raw: string) =>
    t.app.request(`${PORTAL}/api/admin${route}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: raw,
    });
  return { ...t, reference, cookie, admin };
}

describe('a JSON key given twice', () => {
  it('is refused by the request form’s route, and nothing is filed', async () => {
    const t = await deployment();
    const body = { ...validRequest, details: 'Une seconde demande, lue deux fois.' };
    const response = await t.post(twice(body, 'type', 'deletion'));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('malformed');
    expect(await t.store.listRequests()).toHaveLength(1);
    // The same body without the repeated key is filed.
    expect((await t.post(body)).status).toBe(201);
  });

  it('is refused by the receipts route', async () => {
    const t = await deployment();
    const send = (raw: string) =>
      t.app.request(`${PORTAL}/api/consent-receipts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: PORTAL },
        body: raw,
      });
    expect((await send(twice(validReceipt, 'method', 'accept-all'))).status).toBe(400);
    expect((await send(JSON.stringify(validReceipt))).status).toBe(201);
  });

  it('is refused by the inbox’s routes, and the request keeps its status', async () => {
    const t = await deployment();
    const body = { status: 'identity-verified', from: 'received', note: null };
    const status = (raw: string) => t.call(`/requests/${t.reference}/status`, { raw, headers: { Cookie: t.cookie } });
    const refused = await status(twice(body, 'status', 'refused'));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: 'malformed', message: expect.any(String) });
    expect((await t.store.getRequest(t.reference))?.status).toBe('received');
    expect((await status(JSON.stringify(body))).status).toBe(200);
    // Every other route that takes a body, signed in or not.
    for (const route of ['/keys', '/reseal', '/invitations', '/purge', `/requests/${t.reference}/exported`])
      expect((await t.call(route, { raw: '{"a":1,"a":1}', headers: { Cookie: t.cookie } })).status, route).toBe(400);
    // The sign-in doors answer a failed attempt as such (401 once a ceremony is spent), never as read.
    for (const route of ['/enrol/options', '/enrol/verify', '/signin/verify'])
      expect([400, 401], route).toContain((await t.call(route, { raw: '{"code":"x","code":"y"}' })).status);
  });

  it('is refused by the admin API, and the request keeps its status', async () => {
    const t = await deployment();
    const body = { status: 'identity-verified', from: 'received', operator: 'Ana' };
    const refused = await t.admin(`/requests/${t.reference}/status`, twice(body, 'status', 'refused'));
    expect(refused.status).toBe(400);
    expect((await t.store.getRequest(t.reference))?.status).toBe('received');
    expect((await t.admin(`/requests/${t.reference}/status`, JSON.stringify(body))).status).toBe(200);
    for (const route of ['/audit', '/purge', '/reseal'])
      expect((await t.admin(route, '{"operator":"a","operator":"b"}')).status, route).toBe(400);
  });
});

describe('a body larger than the limit', () => {
  const big = JSON.stringify({ ...validReceipt, site: 'x'.repeat(40_000) });
  it('is refused from its declared length, before a byte of it is read', async () => {
    const t = await deployment();
    let pulled = false;
    // Nothing queued ahead (a high-water mark of 0): a pull happens only when someone reads.
    const body = new ReadableStream(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await t.app.request(`${PORTAL}/api/consent-receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(big.length) },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBe(false);
  });

  it('is refused as it streams when no length is declared', async () => {
    const t = await deployment();
    const response = await t.app.request(`${PORTAL}/api/consent-receipts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await t.store.countConsentReceipts()).toBe(0);
  });
});
