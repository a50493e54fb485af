// The inbox API's doors, through app.request: invitations, the CSRF guard, sessions and their limits, sign-in failures.
// The passkey ceremonies themselves run in a real browser (tests/officer.spec.ts, Chromium's virtual authenticator).
import { afterAll, describe, expect, it } from 'vitest';
import { officerInbox, type setup, storesForTests } from '../testing.ts';
import { newIdentity, open, seal } from '../../shared/crypto/sealed.ts';
import { createInvitation } from '../store/access.ts';
import { SESSION_IDLE_MS } from './officer.ts';

const stores = storesForTests();
afterAll(stores.dispose);

describe.each(stores.each)('the officer inbox API, on %s', (_name, make) => {
  const inbox = async (over: Parameters<typeof setup>[0] = {}) => officerInbox(await make(), over);

  it('offers a passkey ceremony for a valid invitation only, once, for 24 hours', async () => {
    const { store, call, clock } = await inbox();
    const code = await createInvitation(store, 'Ana Bel', 'cli', clock.now);
    expect(code).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$/);
    const ok = await call('/enrol/options', { body: { code: code.toLowerCase() } });
    expect(ok.status).toBe(200);
    const options = (await ok.json()) as { rp: { id: string }; user: { name: string }; challenge: string };
    expect(options.rp.id).toBe('portal.test');
    expect(options.user.name).toBe('Ana Bel');
    expect(ok.headers.get('Set-Cookie')).toMatch(/officer_ceremony=.*HttpOnly.*Secure.*SameSite=Strict/i);
    expect((await call('/enrol/options', { body: { code: 'AAAAA-BBBBB-CCCCC-DDDDD' } })).status).toBe(400);
    clock.now = new Date(clock.now.getTime() + 24 * 3600_000 + 1000);
    expect((await call('/enrol/options', { body: { code } })).status).toBe(400);
  });

  it('refuses any change without its header or from another origin, whatever the cookie', async () => {
    const { call, session } = await inbox();
    const { cookie } = await session();
    expect((await call('/signout', { headers: { Cookie: cookie, 'X-Officer': '' } })).status).toBe(403);
    expect((await call('/signout', { headers: { Cookie: cookie, Origin: 'https://evil.test' } })).status).toBe(403);
    expect((await call('/signout', { headers: { Cookie: cookie } })).status).toBe(204);
  });

  it('lists requests to a live session only, without any personal field', async () => {
    const { call, session, post } = await inbox();
    const { validRequest } = await import('../../shared/request-fixture.ts');
    expect((await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() })).status).toBe(201);
    expect((await call('/requests', { method: 'GET' })).status).toBe(401);
    expect((await call('/requests', { method: 'GET', headers: { Cookie: 'officer_session=forged' } })).status).toBe(
      401,
    );
    const { cookie } = await session();
    const list = (await (await call('/requests', { method: 'GET', headers: { Cookie: cookie } })).json()) as {
      total: number;
      rows: Record<string, unknown>[];
    };
    expect(list.total).toBe(1);
    expect(Object.keys(list.rows[0]!).sort()).toEqual(
      ['closedAt', 'dueAt', 'keyset', 'receivedAt', 'reference', 'status', 'statusChangedAt', 'type'].sort(),
    );
  });

  it('pages the list by due date, filtered by status and type, and refuses a query it cannot read', async () => {
    const { call, session, store, clock } = await inbox();
    const at = (days: number) => new Date(clock.now.getTime() + days * 86_400_000).toISOString();
    for (let n = 0; n < 250; n++) {
      const reference = `2026-${String(1000 + n).padStart(4, '0')}-AAAA`;
      const closed = n % 5 === 0;
      await store.insertRequest(
        {
          reference,
          type: n % 2 ? 'access' : 'rectification',
          receivedAt: at(0),
          dueAt: at(30 - (n % 30)),
          status: closed ? 'completed' : 'received',
          statusChangedAt: at(0),
          closedAt: closed ? at(1) : null,
          tokenHash: `t${n}`,
          idempotencyHash: `i${n}`,
          payloadHash: null,
          ownerHash: null,
          sealed: 'x',
          keyset: '',
        },
        { at: at(0), reference, action: 'received', operator: 'test', detail: null },
      );
    }
    const { cookie } = await session();
    const list = async (query: string) => {
      const response = await call(`/requests${query}`, { method: 'GET', headers: { Cookie: cookie } });
      return {
        status: response.status,
        body: (await response.json()) as { total: number; rows: Listed[]; next: string | null },
      };
    };
    type Listed = { reference: string; dueAt: string; closedAt: string | null; type: string; status: string };
    const first = await list('');
    expect(first.body.total).toBe(200);
    expect(first.body.rows).toHaveLength(100);
    expect(first.body.rows.every((r) => r.closedAt === null)).toBe(true);
    // Paged by key: each page starts after the last request of the one before; the last says there is no next.
    expect(first.body.next).toBe(`${first.body.rows.at(-1)!.dueAt}_${first.body.rows.at(-1)!.reference}`);
    const second = await list(`?after=${first.body.next}`);
    expect(second.body.next).toBe(`${second.body.rows.at(-1)!.dueAt}_${second.body.rows.at(-1)!.reference}`);
    const third = await list(`?after=${second.body.next}`);
    expect(third.body).toMatchObject({ rows: [], next: null, total: 200 });
    const all = [...first.body.rows, ...second.body.rows];
    expect(all).toHaveLength(200);
    expect(new Set(all.map((r) => r.reference)).size).toBe(200);
    const keys = all.map((r) => `${r.dueAt} ${r.reference}`);
    expect(keys).toEqual([...keys].sort());
    const filtered = await list('?status=completed&type=rectification&size=500');
    expect(filtered.body.total).toBe(25);
    expect(filtered.body.rows.every((r) => r.status === 'completed' && r.type === 'rectification')).toBe(true);
    expect((await list('?status=all')).body.total).toBe(250);
    for (const bad of ['?status=nope', '?page=1', '?size=0', '?size=501', '?type=x', '?after=2026', '?sort=due'])
      expect((await list(bad)).status, bad).toBe(400);
  });

  it('ends a session after 30 idle minutes, after 12 hours, on sign-out and when the officer is revoked', async () => {
    const { call, session, clock, store } = await inbox();
    const me = (cookie: string) => call('/me', { method: 'GET', headers: { Cookie: cookie } });
    const a = await session('Ana');
    clock.now = new Date(clock.now.getTime() + SESSION_IDLE_MS - 60_000);
    expect((await me(a.cookie)).status).toBe(200);
    clock.now = new Date(clock.now.getTime() + SESSION_IDLE_MS + 1000);
    expect((await me(a.cookie)).status).toBe(401);
    // What the inbox asks as it opens: an answer, not a refusal.
    const asked = await call('/session', { method: 'GET', headers: { Cookie: a.cookie } });
    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ signedIn: false });
    const fresh = await session('Di');
    expect(await (await call('/session', { method: 'GET', headers: { Cookie: fresh.cookie } })).json()).toEqual({
      signedIn: true,
      name: 'Di',
    });
    const b = await session('Bo');
    for (let step = 0; step < 30; step++) {
      clock.now = new Date(clock.now.getTime() + 25 * 60_000);
      await me(b.cookie);
    }
    expect((await me(b.cookie)).status).toBe(401);
    const c = await session('Cy');
    await store.revokeOfficer(c.officer.id, clock.now.toISOString(), {
      at: clock.now.toISOString(),
      reference: null,
      action: 'officer:revoke',
      operator: 'test',
      detail: null,
    });
    expect((await me(c.cookie)).status).toBe(401);
  });

  it('answers every failed sign-in the same way and counts it, without a row per attempt', async () => {
    const { call, store, session } = await inbox();
    await call('/signin/options');
    const failed = await call('/signin/verify', { body: { response: { id: 'unknown', type: 'public-key' } } });
    expect(failed.status).toBe(401);
    // One shape for every answer: the kind, and why in the officer's language.
    expect(await failed.json()).toEqual({ error: 'signin', message: 'La connexion n’a pas abouti.' });
    // Without the ceremony's cookie, and with a garbage body: the same answer, counted the same way.
    expect((await call('/signin/verify', { body: { nonsense: true } })).status).toBe(401);
    expect((await store.listAudit()).map((a) => a.action)).not.toContain('officer:signin-failed');
    const { cookie } = await session();
    const counted = await call('/signin-failures', { method: 'GET', headers: { Cookie: cookie } });
    expect(await counted.json()).toEqual([{ windowStart: '2026-11-23T15:00:00.000Z', failures: 2 }]);
  });

  it('limits sign-in attempts per network', async () => {
    const { call } = await inbox();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await call('/signin/options')).status);
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('hands out one request sealed, and takes status changes whose note is sealed, along allowed transitions', async () => {
    const { call, session, post, keys, recovery, store } = await inbox();
    const { validRequest } = await import('../../shared/request-fixture.ts');
    const filed = (await (
      await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() })
    ).json()) as {
      reference: string;
    };
    const { cookie } = await session();
    const get = (path: string) => call(path, { method: 'GET', headers: { Cookie: cookie } });
    expect((await get('/requests/2026-AAAA-BBBB')).status).toBe(404);
    const one = (await (await get(`/requests/${filed.reference}`)).json()) as { sealed: string; next: string[] };
    expect(one.next).toEqual(['identity-verified', 'refused', 'withdrawn']);
    expect(await open(one.sealed, keys, filed.reference)).toMatchObject({ name: validRequest.name });
    const change = (body: unknown) =>
      call(`/requests/${filed.reference}/status`, { body, headers: { Cookie: cookie } });
    const id = crypto.randomUUID();
    // Clear text dressed as a note, or a note sealed for fewer readers than today's, is refused.
    expect(
      (await change({ status: 'identity-verified', from: 'received', note: { id, sealed: 'pièce vue' } })).status,
    ).toBe(400);
    const other = await newIdentity();
    const forTwo = await seal('x', [recovery.recipient, other.recipient], `note:${filed.reference}`);
    expect((await change({ status: 'identity-verified', from: 'received', note: { id, sealed: forTwo } })).status).toBe(
      400,
    );
    expect((await change({ status: 'completed', from: 'received', note: null })).status).toBe(409);
    const sealed = await seal('Pièce vue', [recovery.recipient], `note:${filed.reference}`);
    expect((await change({ status: 'identity-verified', from: 'received', note: { id, sealed } })).status).toBe(200);
    // Two pages showing the same status: the second change is refused in words, and the log has one entry.
    const stale = await change({ status: 'refused', from: 'received', note: null });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'conflict', message: expect.stringContaining('entre-temps') });
    const entry = (await store.listAudit(filed.reference)).at(-1)!;
    expect(entry).toMatchObject({ action: 'status:identity-verified', operator: 'Ana', detail: `note:${id}` });
    const again = (await (await get(`/requests/${filed.reference}`)).json()) as {
      notes: { id: string; sealed: string }[];
    };
    expect(again.notes).toEqual([{ id, sealed }]);
    expect(
      (await call(`/requests/${filed.reference}/exported`, { body: { format: 'json' }, headers: { Cookie: cookie } }))
        .status,
    ).toBe(204);
    expect((await store.listAudit(filed.reference)).at(-1)!.action).toBe('export:json');
  });

  it('files nothing, in words, before the recovery key is configured', async () => {
    const { post } = await inbox({ recoveryKey: undefined });
    const { validRequest } = await import('../../shared/request-fixture.ts');
    const early = await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() });
    expect(early.status).toBe(503);
    expect(await early.json()).toMatchObject({ error: 'not-open', message: expect.stringContaining('pas encore') });
    const english = await post(
      { ...validRequest, language: 'en', website: '' },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    expect(((await english.json()) as { message: string }).message).toContain('not open yet');
  });

  it('seals for an officer’s device key from the moment it is added, and for nobody revoked', async () => {
    const { call, session, post, store, recovery } = await inbox();
    const { validRequest } = await import('../../shared/request-fixture.ts');
    const ana = await session('Ana');
    const bo = await session('Bo');
    const device = await newIdentity();
    const add = (body: unknown, cookie = ana.cookie) => call('/keys', { body, headers: { Cookie: cookie } });
    // An identity sent by mistake (the private half), or anything but an age public key, is refused and never kept.
    expect((await add({ recipient: device.identity })).status).toBe(400);
    expect((await add({ recipient: 'age1notakey' })).status).toBe(400);
    expect((await call('/keys', { body: { recipient: device.recipient } })).status).toBe(401);
    const done = await add({ recipient: device.recipient });
    expect(done.status).toBe(201);
    const { fingerprint } = (await done.json()) as { fingerprint: string };
    expect((await store.listAudit()).at(-1)).toMatchObject({
      action: 'keys:add',
      operator: 'Ana',
      detail: fingerprint,
    });
    expect((await add({ recipient: device.recipient }, bo.cookie)).status).toBe(409);
    const listed = (await (await call('/keys', { method: 'GET', headers: { Cookie: bo.cookie } })).json()) as {
      recipients: string[];
      recovery: { recipient: string };
      keys: { officer: string; mine: boolean; fingerprint: string }[];
    };
    expect(listed.recipients).toEqual([recovery.recipient, device.recipient]);
    expect(listed.recovery.recipient).toBe(recovery.recipient);
    expect(listed.keys).toMatchObject([{ officer: 'Ana', mine: false, fingerprint }]);
    const filed = (await (
      await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() })
    ).json()) as {
      reference: string;
    };
    const sealed = (await store.getRequest(filed.reference))!.sealed;
    expect(await open(sealed, { identities: [device.identity] }, filed.reference)).toMatchObject({
      name: validRequest.name,
    });
    // Ana's access ends: her key goes with it, at once.
    await store.revokeOfficer(ana.officer.id, '2026-11-23T15:00:00.000Z', {
      at: '2026-11-23T15:00:00.000Z',
      reference: null,
      action: 'officer:revoke',
      operator: 'Bo',
      detail: null,
    });
    expect(await store.recipients()).toEqual([recovery.recipient]);
    const later = (await (
      await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() })
    ).json()) as {
      reference: string;
    };
    const after = (await store.getRequest(later.reference))!.sealed;
    await expect(open(after, { identities: [device.identity] }, later.reference)).rejects.toThrow();
  });

  it('re-wraps through the API: pages of requests not sealed for today’s readers, written back only as read', async () => {
    const { call, session, post, store, recovery, keys } = await inbox();
    const { validRequest } = await import('../../shared/request-fixture.ts');
    const { resealAll } = await import('../../shared/sealed-request.ts');
    for (let i = 0; i < 3; i++)
      await post(
        { ...validRequest, details: `Demande ${i} assez longue.`, website: '' },
        { 'Idempotency-Key': crypto.randomUUID() },
      );
    const ana = await session('Ana');
    const headers = { Cookie: ana.cookie };
    const device = await newIdentity();
    expect((await call('/keys', { body: { recipient: device.recipient }, headers })).status).toBe(201);
    const page = (await (await call('/reseal', { method: 'GET', headers })).json()) as {
      keyset: string;
      total: number;
      rows: { reference: string; keyset: string; sealed: string }[];
    };
    expect(page.total).toBe(3);
    // Sealed for fewer readers than today's: refused whole; for an old keyset: refused whole too.
    const row = page.rows[0]!;
    const short = { reference: row.reference, from: row.keyset, sealed: row.sealed, notes: [] };
    expect((await call('/reseal', { body: { keyset: page.keyset, items: [short] }, headers })).status).toBe(400);
    expect((await call('/reseal', { body: { keyset: row.keyset, items: [short] }, headers })).status).toBe(409);
    const report = await resealAll(
      {
        page: async (after) => (await call(`/reseal?after=${after}`, { method: 'GET', headers })).json() as never,
        write: async (keyset, items) =>
          ((await (await call('/reseal', { body: { keyset, items }, headers })).json()) as { written: number }).written,
      },
      keys,
    );
    expect(report).toEqual({ resealed: 3, skipped: [], readersChanged: false });
    for (const r of await store.listRequests())
      expect(await open(r.sealed, { identities: [device.identity] }, r.reference)).toMatchObject({
        name: validRequest.name,
      });
    expect((await store.listAudit()).filter((a) => a.action === 'keys:rewrap')).toMatchObject([
      { operator: 'Ana', detail: '3' },
    ]);
    // Written back only as read: a second write of the same batch changes nothing.
    const again = await call('/reseal', {
      body: { keyset: page.keyset, items: [{ ...short, sealed: (await store.getRequest(row.reference))!.sealed }] },
      headers,
    });
    expect(await again.json()).toEqual({ written: 0 });
    expect(recovery.recipient).toBe((await store.recipients())[0]);
  });

  it('shows the audit log, deletes only requests closed over six years ago when named, and counts consents', async () => {
    const { call, session, post, clock, store } = await inbox();
    const { validRequest } = await import('../../shared/request-fixture.ts');
    const filed = (await (
      await post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() })
    ).json()) as {
      reference: string;
    };
    const { cookie } = await session();
    const get = async (path: string) => (await call(path, { method: 'GET', headers: { Cookie: cookie } })).json();
    expect(((await get('/audit')) as { rows: { action: string }[] }).rows.map((a) => a.action)).toContain('received');
    expect(await get('/retention')).toEqual({ years: 6, eligible: [] });
    const purgeIt = () => call('/purge', { body: { references: [filed.reference] }, headers: { Cookie: cookie } });
    expect((await purgeIt()).status).toBe(409);
    const at = clock.now.toISOString();
    await store.setStatus(
      { reference: filed.reference, from: 'received', to: 'withdrawn', at, closedAt: at },
      {
        at: clock.now.toISOString(),
        reference: filed.reference,
        action: 'status:withdrawn',
        operator: 'Ana',
        detail: null,
      },
    );
    clock.now = new Date(clock.now.getTime() + 6 * 366 * 86_400_000);
    const { cookie: later } = await session('Later');
    const eligible = (await (await call('/retention', { method: 'GET', headers: { Cookie: later } })).json()) as {
      eligible: { reference: string }[];
    };
    expect(eligible.eligible.map((r) => r.reference)).toEqual([filed.reference]);
    const purged = await call('/purge', { body: { references: [filed.reference] }, headers: { Cookie: later } });
    expect(await purged.json()).toEqual({ deleted: [filed.reference] });
    await store.addConsentReceipt(
      JSON.stringify({ decidedAt: '2026-11-23T10:00:00.000Z', choices: { necessary: true, statistics: true } }),
      clock.now.toISOString(),
    );
    expect(await (await call('/consents', { method: 'GET', headers: { Cookie: later } })).json()).toMatchObject({
      total: 1,
      weeks: [{ week: '2026-11-23', decisions: 1 }],
    });
  });

  it('lists the officers, marking the one asking, and lets an officer invite another', async () => {
    const { call, session } = await inbox();
    const { cookie } = await session('Ana');
    await session('Bo');
    const officers = (await (await call('/officers', { method: 'GET', headers: { Cookie: cookie } })).json()) as {
      name: string;
      self: boolean;
    }[];
    expect(officers.map((o) => [o.name, o.self])).toEqual([
      ['Ana', true],
      ['Bo', false],
    ]);
    const invited = await call('/invitations', { body: { name: 'Cy <script>' }, headers: { Cookie: cookie } });
    expect(invited.status).toBe(400);
    const ok = await call('/invitations', { body: { name: 'Cy Nguyen' }, headers: { Cookie: cookie } });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { code: string }).code).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$/);
  });

  it('never revokes the last active officer: nobody could sign in again', async () => {
    const { call, session } = await inbox();
    const ana = await session('Ana');
    const bo = await session('Bo');
    const revoke = (id: string, cookie: string) => call(`/officers/${id}/revoke`, { headers: { Cookie: cookie } });
    expect((await revoke(bo.officer.id, ana.cookie)).status).toBe(204);
    const last = await revoke(ana.officer.id, ana.cookie);
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ error: 'last-officer', message: expect.stringContaining('dernière') });
    expect((await call('/me', { method: 'GET', headers: { Cookie: ana.cookie } })).status).toBe(200);
  });
});
