// The inbox's doors under attack, through app.request: ceremonies kept on the server and spent once, limits per
// network and overall, a body limit before anything is read, failures counted without a row each, confirmation of
// sensitive actions. The passkey ceremonies themselves run in Chromium (tests/officer.spec.ts).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../store/access.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { officerInbox, type setup } from '../testing.ts';
import { CONFIRM_MS } from './officer-signin.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-doors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function doors(over: Parameters<typeof setup>[0] = {}) {
  const path = join(dir, `d${n++}.db`);
  const t = await officerInbox(openSqliteStore(path), over);
  const rows = (sql: string) => {
    const db = new DatabaseSync(path);
    db.exec('PRAGMA busy_timeout = 5000');
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  return { ...t, path, rows };
}

const cookieOf = (response: Response, name: string) =>
  new RegExp(`${name}=([^;]+)`).exec(response.headers.get('Set-Cookie') ?? '')?.[1] ?? '';

describe('the inbox’s doors', () => {
  it('keeps each ceremony on the server, hashed, and spends it at the first answer, right or wrong', async () => {
    const { call, rows, clock } = await doors();
    const options = await call('/signin/options');
    const { challenge } = (await options.json()) as { challenge: string };
    const id = cookieOf(options, 'officer_ceremony');
    expect(id).toMatch(/^[\w-]{43}$/);
    const kept = rows('SELECT * FROM ceremonies') as Record<string, string>[];
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain(challenge);
    expect(JSON.stringify(kept)).not.toContain(id);
    expect(kept[0]).toMatchObject({ purpose: 'signin', challenge_hash: await sha256(`challenge:${challenge}`) });
    expect(Date.parse(kept[0]!['expires_at']!) - clock.now.getTime()).toBe(5 * 60_000);
    // A wrong answer spends it: the same cookie cannot be tried again with a better one.
    const headers = { Cookie: `officer_ceremony=${id}` };
    const answer = { response: { id: 'cred-x', type: 'public-key' } };
    expect((await call('/signin/verify', { body: answer, headers })).status).toBe(401);
    expect(rows('SELECT * FROM ceremonies')).toHaveLength(0);
    // A ceremony of another purpose, or an expired one, is refused and spent as well.
    const enrolCookie = cookieOf(await call('/signin/options'), 'officer_ceremony');
    expect(
      (await call('/confirm/verify', { body: answer, headers: { Cookie: `officer_ceremony=${enrolCookie}` } })).status,
    ).toBe(401);
    const late = cookieOf(await call('/signin/options'), 'officer_ceremony');
    clock.now = new Date(clock.now.getTime() + 5 * 60_000 + 1);
    expect(
      (await call('/signin/verify', { body: answer, headers: { Cookie: `officer_ceremony=${late}` } })).status,
    ).toBe(401);
    // Expired ceremonies go when the next one is made.
    await call('/signin/options');
    expect(rows('SELECT * FROM ceremonies')).toHaveLength(1);
  });

  it('asks for user verification (PIN or biometric) in every ceremony', async () => {
    const { call, store, clock } = await doors();
    const signin = (await (await call('/signin/options')).json()) as { userVerification: string };
    expect(signin.userVerification).toBe('required');
    const code = await createInvitation(store, 'Bo', 'cli', clock.now);
    const enrol = (await (await call('/enrol/options', { body: { code } })).json()) as {
      authenticatorSelection: { userVerification: string };
    };
    expect(enrol.authenticatorSelection.userVerification).toBe('required');
  });

  it('limits ceremonies per network and for everyone together', async () => {
    const { call } = await doors({ limits: { signinPerWindow: 5, signinAllPerWindow: 12 } });
    const from = (client: string) => call('/signin/options', { headers: { 'X-Test-Client': client } });
    const one = [];
    for (let i = 0; i < 6; i++) one.push((await from('198.51.100.1')).status);
    expect(one).toEqual([200, 200, 200, 200, 200, 429]);
    const many = [];
    for (let i = 0; i < 10; i++) many.push((await from(`198.51.100.${10 + i}`)).status);
    // 5 from the first network, then 7 more from others: the twelfth is the last one taken, from anywhere.
    expect(many.filter((s) => s === 200)).toHaveLength(7);
    expect(many.slice(7)).toEqual([429, 429, 429]);
    const verify = await call('/signin/verify', {
      body: {},
      headers: { 'X-Test-Client': '198.51.100.99', 'Accept-Language': 'en-CA,en;q=0.9' },
    });
    expect(verify.status).toBe(429);
    expect(await verify.json()).toMatchObject({ error: 'rate-limited', message: expect.stringContaining('Try again') });
    expect(verify.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('refuses a body over the limit on every officer route, before reading it or asking who is there', async () => {
    const { call } = await doors();
    const big = JSON.stringify({ code: 'x'.repeat(1024 * 1024) });
    for (const route of ['/enrol/options', '/signin/verify', '/requests/2026-AAAA-BBBB/status', '/purge'])
      expect((await call(route, { raw: big })).status, route).toBe(413);
  });

  it('counts a flood of 100,000 anonymous garbage attempts in a few kilobytes of database', async () => {
    const { call, path, rows } = await doors();
    const size = () => {
      rows('PRAGMA wal_checkpoint(TRUNCATE)');
      return statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    };
    const before = size();
    const garbage = [
      ['/signin/verify', '{"response":{"id":"AAAA","type":"public-key"}}'],
      ['/enrol/verify', 'not json'],
      ['/signin/options', '{}'],
      ['/enrol/options', '{"code":"AAAAA-BBBBB-CCCCC-DDDDD"}'],
    ] as const;
    const statuses = new Map<number, number>();
    for (let i = 0; i < 100_000; i += 100) {
      // From ever new networks (198.18.0.0/15, the benchmarking range), as a botnet would send it.
      const batch = await Promise.all(
        Array.from({ length: 100 }, (_, j) => {
          const [route, raw] = garbage[(i + j) % garbage.length]!;
          const client = `198.18.${Math.floor((i + j) / 256) % 256}.${(i + j) % 256}`;
          return Promise.resolve(call(route, { raw, headers: { 'X-Test-Client': client } })).then((r) => r.status);
        }),
      );
      for (const s of batch) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    const grown = size() - before;
    expect(statuses.get(429)).toBeGreaterThan(99_000);
    // Bounded by the overall limit (ceremonies live five minutes at most), not by the flood: four pages here.
    expect(grown).toBeLessThanOrEqual(16 * 1024);
    expect(rows('SELECT COUNT(*) AS n FROM audit')).toEqual([{ n: 0 }]);
    expect((rows('SELECT SUM(failures) AS n FROM signin_failures') as { n: number }[])[0]!.n).toBeLessThanOrEqual(200);
  }, 120_000);

  it('asks for the passkey again before a sensitive action (export, purge, access, keys, re-wrap) past five minutes', async () => {
    const { call, session, clock, store } = await doors();
    const ana = await session('Ana');
    await session('Bo');
    const headers = { Cookie: ana.cookie };
    expect((await call('/invitations', { body: { name: 'Cy' }, headers })).status).toBe(201);
    clock.now = new Date(clock.now.getTime() + CONFIRM_MS + 1000);
    for (const [route, body] of [
      ['/invitations', { name: 'Dee' }],
      ['/officers/id-Bo/revoke', {}],
      ['/purge', { references: ['2026-AAAA-BBBB'] }],
      ['/requests/2026-AAAA-BBBB/exported', { format: 'json' }],
      ['/keys', { recipient: 'age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq' }],
      ['/reseal', { keyset: 'x', items: [] }],
    ] as const) {
      const refused = await call(route, { body, headers });
      expect(refused.status, route).toBe(403);
      expect(await refused.json()).toEqual({
        error: 'confirm',
        message: 'Cette action demande de présenter de nouveau votre clé d’accès.',
      });
    }
    // The list and reading need no confirmation; the session goes on.
    expect((await call('/requests', { method: 'GET', headers })).status).toBe(200);
    // A confirmation ceremony is offered to this session; once shown, the action goes through.
    const options = await call('/confirm/options', { body: {}, headers });
    expect(options.status).toBe(200);
    await store.verifySession(ana.idHash, clock.now.toISOString());
    expect((await call('/officers/id-Bo/revoke', { body: {}, headers })).status).toBe(204);
  });

  it('lets a confirmation cover the one action it was asked for, even where every action asks (window 0)', async () => {
    const { call, session, clock, store } = await doors({ confirmMs: 0 });
    const ana = await session('Ana');
    const headers = { Cookie: ana.cookie };
    clock.now = new Date(clock.now.getTime() + 1);
    expect((await call('/invitations', { body: { name: 'Cy' }, headers })).status).toBe(403);
    await store.verifySession(ana.idHash, clock.now.toISOString());
    clock.now = new Date(clock.now.getTime() + 2_000);
    expect((await call('/invitations', { body: { name: 'Cy' }, headers })).status).toBe(201);
    // Spent: the next action asks again.
    expect((await call('/invitations', { body: { name: 'Dee' }, headers })).status).toBe(403);
    // A confirmation left unused too long covers nothing.
    await store.verifySession(ana.idHash, clock.now.toISOString());
    clock.now = new Date(clock.now.getTime() + 61_000);
    expect((await call('/invitations', { body: { name: 'Dee' }, headers })).status).toBe(403);
  });

  it('ends the session at sign-out and tells the browser to clear the site’s cookies and cache', async () => {
    const { call, session, store } = await doors();
    const ana = await session('Ana');
    const out = await call('/signout', { body: {}, headers: { Cookie: ana.cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('Clear-Site-Data')).toBe('"cache", "cookies"');
    expect((await store.getSession(ana.idHash))?.revokedAt).not.toBeNull();
  });
});
