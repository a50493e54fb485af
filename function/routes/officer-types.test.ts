// The inbox's typed client (Hono's `hc` over OfficerApi) against the real routes: each path it builds is one the server
// answers, with the answer's shape its type promises, and every refusal in the one shape `{ error, message }`.
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { officerInbox, PORTAL } from '../testing.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { validRequest } from '../../shared/request-fixture.ts';
import type { OfficerApi } from './officer-types.ts';

async function client() {
  const t = await officerInbox(openSqliteStore(':memory:'));
  const { cookie } = await t.session('Ana');
  // The inbox's own options (src/officer/officer-api.ts), the browser's cookie and origin added by hand.
  const api = hc<OfficerApi>(`${PORTAL}/api/officer`, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init),
    headers: { 'X-Officer': '1', Origin: PORTAL, Cookie: cookie },
  });
  return { ...t, api };
}

describe('the inbox’s typed client', () => {
  it('reaches every reading route, and each answers with the shape its type names', async () => {
    const { api, post } = await client();
    expect((await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() })).status).toBe(201);
    const list = await api.requests.$get({ query: { status: 'all', size: '10' } });
    if (!list.ok) throw new Error(`list: ${list.status}`);
    const { total, rows } = await list.json();
    expect(total).toBe(1);
    const reference = rows[0]!.reference;
    const one = await api.requests[':reference'].$get({ param: { reference } });
    if (!one.ok) throw new Error(`one: ${one.status}`);
    const opened = await one.json();
    expect(opened.reference).toBe(reference);
    expect(opened.next).toContain('identity-verified');
    expect(typeof opened.sealed).toBe('string');
    for (const answer of [
      await api.session.$get(),
      await api.me.$get(),
      await api.keys.$get(),
      await api.reseal.$get({ query: {} }),
      await api.officers.$get(),
      await api.audit.$get({ query: {} }),
      await api.retention.$get(),
      await api.consents.$get(),
      await api.outbox.$get(),
      await api['signin-failures'].$get(),
    ])
      expect(answer.status, answer.url).toBe(200);
    const session = await (await api.session.$get()).json();
    expect(session).toEqual({ signedIn: true, name: 'Ana' });
  });

  it('changes a status with the body its type takes, and a stale one is a conflict in the one error shape', async () => {
    const { api, post } = await client();
    await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() });
    const reference = (await (await api.requests.$get({ query: {} })).json()).rows[0]!.reference;
    const change = (from: 'received' | 'identity-verified') =>
      api.requests[':reference'].status.$post({
        param: { reference },
        json: { status: 'identity-verified', from, note: null, notify: null },
      });
    const done = await change('received');
    expect(done.status).toBe(200);
    const again = await change('received');
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'conflict', message: expect.stringMatching(/\w/) });
  });

  it('gives every refusal, malformed query included, as `{ error, message }` in the officer’s language', async () => {
    const { api } = await client();
    const bad = await api.requests.$get({ query: { size: '100000' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'malformed', message: expect.stringMatching(/\w/) });
    const missing = await api.requests[':reference'].$get({ param: { reference: '2026-AAAA-AAAA' } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not-found' });
  });

  it('streams the journal as CSV, every entry however many, a formula in a cell neutralised', async () => {
    const { api, store } = await client();
    for (let i = 0; i < 2_500; i++)
      await store.appendAudit({
        at: `2026-11-23T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
        reference: null,
        action: 'officer:signin',
        operator: i === 0 ? '=HYPERLINK("https://evil.example","x")' : `Officer ${i}`,
        detail: null,
      });
    const response = await api['audit.csv'].$get({ query: { action: 'officer:signin' } });
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="audit.csv"');
    const lines = (await response.text()).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('at,reference,action,operator');
    expect(lines.length).toBe(1 + 2_500);
    expect(lines.at(-1)).toMatch(/,officer:signin,"'=HYPERLINK\(""https/);
    const page = await api.audit.$get({ query: { size: '100' } });
    const body = (await page.json()) as { rows: { id: number }[]; next: number | null };
    expect(body.rows).toHaveLength(100);
    expect(body.next).toBe(body.rows.at(-1)!.id);
  }, 60_000);
});
