// Consent receipts at volume: kept while their decision may stand and disputes run, then deleted by their rule with a
// count in the audit log; intake limited per network and for everyone together.
import { afterAll, describe, expect, it } from 'vitest';
import { applyReceiptRetention, receiptCutoff } from './receipts.ts';
import { PORTAL, setup, storesForTests, validReceipt } from '../testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const send = (t: Awaited<ReturnType<typeof setup>>, client: string, decidedAt = '2026-11-23T12:00:00.000Z') =>
  t.app.request(`${PORTAL}/api/consent-receipts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: PORTAL, 'X-Test-Client': client },
    body: JSON.stringify({ ...validReceipt, decidedAt }),
  });

describe.each(stores.each)('consent receipts, on %s', (_name, make) => {
  it('are kept for the longest a decision stands (395 days) and the dispute period after it', () => {
    const now = new Date('2026-12-07T12:00:00.000Z');
    expect(receiptCutoff(now, 3)).toBe('2022-11-07T12:00:00.000Z');
    expect(receiptCutoff(now, 1)).toBe('2024-11-07T12:00:00.000Z');
  });

  it('are deleted by the daily rule once past it, with one audit entry; a shorter period than a year is refused', async () => {
    const store = await make();
    const t = await setup({ store });
    expect((await send(t, '198.51.100.1')).status).toBe(201);
    const old = JSON.stringify({ ...validReceipt, decidedAt: '2021-06-01T10:00:00.000Z' });
    await store.addConsentReceipt(old, '2021-06-01T10:00:01.000Z');
    expect(await store.countConsentReceipts()).toBe(2);
    expect(await applyReceiptRetention(store, t.clock.now)).toBe(1);
    expect(await store.countConsentReceipts()).toBe(1);
    expect((await store.listAudit()).filter((a) => a.action === 'receipts:retention')).toEqual([
      expect.objectContaining({ detail: '1', operator: 'retention' }),
    ]);
    await expect(applyReceiptRetention(store, t.clock.now, 0)).rejects.toThrow(RangeError);
  });

  it('are limited for everyone together too: many networks cannot flood the database', async () => {
    const t = await setup({ store: await make(), limits: { receiptsPerWindow: 30, receiptsAllPerWindow: 3 } });
    const answers = [];
    for (const client of ['198.51.100.1', '198.51.101.1', '198.51.102.1', '198.51.103.1'])
      answers.push((await send(t, client)).status);
    expect(answers).toEqual([201, 201, 201, 429]);
    expect(await t.store.countConsentReceipts()).toBe(3);
  });

  it('count what is no receipt against its network, which is then refused before its body is read, not against all', async () => {
    const t = await setup({ store: await make(), limits: { receiptsPerWindow: 3, receiptsAllPerWindow: 4 } });
    const junk = (client: string, body: string) =>
      t.app.request(`${PORTAL}/api/consent-receipts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: PORTAL, 'X-Test-Client': client },
        body,
      });
    const flood = [];
    for (const body of [
      '{"not":"a receipt"}',
      '{',
      JSON.stringify({ ...validReceipt, decidedAt: '2099-01-01T00:00:00Z' }),
    ])
      flood.push((await junk('203.0.113.9', body)).status);
    expect(flood).toEqual([400, 400, 400]);
    expect((await junk('203.0.113.9', '{')).status).toBe(429);
    expect((await send(t, '203.0.113.9')).status).toBe(429);
    // Everyone else's room is whole: four receipts from other networks are filed.
    const others = [];
    for (const client of ['198.51.100.1', '198.51.101.1', '198.51.102.1', '198.51.103.1'])
      others.push((await send(t, client)).status);
    expect(others).toEqual([201, 201, 201, 201]);
  });
});
