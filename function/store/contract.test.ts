// The store's promises, as one suite run on every store: node:sqlite (the Node entry) and D1 in workerd (the Workers
// entry). Each promise here holds on both, with the same assertions: nothing is left for D1 to do differently.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessStore } from './access.ts';
import { applyStatus, OfficerError } from '../domain/officer.ts';
import { type D1Database, d1AccessStore, d1Counter, d1Store } from './d1.ts';
import { type Counter, pageSql, pageValues, SCHEMA, type Store, StoreError, type StoredRequest } from './contract.ts';
import { memoryCounter } from '../http/rate-limit.ts';
import { openSqliteStore } from './sqlite.ts';
import { d1ForTests, validReceipt } from '../testing.ts';
import { consentOverview, overviewFrom } from '../domain/consent-overview.ts';

type Both = Store & AccessStore;
const dir = mkdtempSync(join(tmpdir(), 'portal-contract-'));
let n = 0;
let d1: Awaited<ReturnType<typeof d1ForTests>>;
beforeAll(async () => {
  d1 = await d1ForTests();
}, 60_000);
afterAll(async () => {
  await d1?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Each test gets a store of its own kind; on D1, the one database is shared, so each test uses its own references. */
const stores: [string, () => Both][] = [
  ['node:sqlite', () => openSqliteStore(join(dir, `c${n++}.db`))],
  ['D1', () => ({ ...d1Store(d1.db), ...d1AccessStore(d1.db) })],
];

let serial = 0;
const request = (over: Partial<StoredRequest> = {}): StoredRequest => {
  const k = `${Date.now()}-${serial++}`;
  return {
    reference: `2026-${String(serial).padStart(4, '0')}-CTRT`,
    type: 'access',
    receivedAt: '2026-11-23T10:00:00.000Z',
    dueAt: '2026-12-23T10:00:00.000Z',
    status: 'received',
    statusChangedAt: '2026-11-23T10:00:00.000Z',
    closedAt: null,
    tokenHash: `t${k}`,
    idempotencyHash: `i${k}`,
    payloadHash: null,
    ownerHash: null,
    sealed: 'sealed',
    keyset: '',
    ...over,
  };
};
const at = '2026-11-24T00:00:00.000Z';
const entry = (reference: string, action: string) => ({ at, reference, action, operator: 'test', detail: null });

/** An officer invited and enrolled (passkey `cred-<id>`), as the invitation's redemption makes them. */
async function enrol(store: Both, officer: string) {
  await store.addInvitation(
    {
      codeHash: officer,
      name: officer,
      createdBy: 'cli',
      createdAt: at,
      expiresAt: '2099-01-01T00:00:00Z',
      usedAt: null,
    },
    entry('', 'officer:invite'),
  );
  await store.redeemInvitation(
    officer,
    at,
    { id: officer, name: officer, createdAt: at, revokedAt: null },
    {
      credentialId: `cred-${officer}`,
      officerId: officer,
      publicKey: 'AA',
      counter: 0,
      transports: null,
      createdAt: at,
      lastUsedAt: null,
    },
    entry('', 'officer:enrol'),
  );
}

describe.each(stores)('the store contract on %s', (_name, make) => {
  it('changes a status only from the status it was read in, with its audit entry, or not at all', async () => {
    const store = make();
    const r = request();
    await store.insertRequest(r, entry(r.reference, 'received'));
    const change = { reference: r.reference, from: 'received' as const, at, closedAt: null };
    expect(await store.setStatus({ ...change, to: 'identity-verified' }, entry(r.reference, 'status:a'))).toBe(true);
    // The same transition again, from what is no longer the status: refused, and no audit entry.
    expect(await store.setStatus({ ...change, to: 'refused' }, entry(r.reference, 'status:b'))).toBe(false);
    expect(await store.setStatus({ ...change, to: 'refused', reference: 'NOPE' }, entry('NOPE', 'status:c'))).toBe(
      false,
    );
    expect((await store.getRequest(r.reference))?.status).toBe('identity-verified');
    expect((await store.listAudit(r.reference)).map((a) => a.action)).toEqual(['received', 'status:a']);
  });

  it('lets one of twenty tools racing on the same transition win, once, with one audit entry', async () => {
    const store = make();
    const r = request({ status: 'in-progress' });
    await store.insertRequest(r, entry(r.reference, 'received'));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        applyStatus(store, {
          reference: r.reference,
          status: i % 2 ? 'completed' : 'refused',
          from: 'in-progress',
          operator: `tool ${i}`,
          now: new Date(at),
        }),
      ),
    );
    const won = results.filter((x) => x.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const lost of results.filter((x) => x.status === 'rejected'))
      expect((lost as PromiseRejectedResult).reason).toMatchObject({ kind: 'conflict' });
    const changes = (await store.listAudit(r.reference)).filter((a) => a.action.startsWith('status:'));
    expect(changes).toHaveLength(1);
    expect((await store.getRequest(r.reference))?.status).toBe(changes[0]!.action.slice('status:'.length));
  });

  it('refuses a change from a status the tool no longer shows, in words', async () => {
    const store = make();
    const r = request({ status: 'completed', closedAt: at });
    await store.insertRequest(r, entry(r.reference, 'received'));
    const reopen = applyStatus(store, {
      reference: r.reference,
      status: 'refused',
      from: 'in-progress',
      operator: 'cli',
      now: new Date(at),
    });
    await expect(reopen).rejects.toBeInstanceOf(OfficerError);
    await expect(reopen).rejects.toThrow(/changed meanwhile.*now completed/);
  });

  it('never revokes the last active officer, even when two revoke each other at once', async () => {
    const store = make();
    const id = (name: string) => `${name}-${serial++}`;
    const officers = [id('ana'), id('bo')];
    for (const officer of officers) {
      await enrol(store, officer);
      await store.addSession({
        idHash: `s-${officer}`,
        officerId: officer,
        createdAt: at,
        lastSeenAt: at,
        expiresAt: '2099-01-01T00:00:00.000Z',
        revokedAt: null,
      });
    }
    expect((await store.passkeysOf(officers[0]!)).map((p) => p.credentialId)).toEqual([`cred-${officers[0]}`]);
    // On D1 the database is shared with the other tests: revoke every other active officer first.
    for (const o of await store.listOfficers())
      if (!o.revokedAt && !officers.includes(o.id)) await store.revokeOfficer(o.id, at, entry('', 'officer:revoke'));
    const [a, b] = await Promise.all([
      store.revokeOfficer(officers[0]!, at, entry('', 'officer:revoke')),
      store.revokeOfficer(officers[1]!, at, entry('', 'officer:revoke')),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const left = (await store.listOfficers()).filter((o) => !o.revokedAt);
    expect(left.map((o) => o.id)).toEqual([a ? officers[1] : officers[0]]);
    // The one who stays keeps their session; the one revoked loses theirs.
    expect((await store.getSession(`s-${left[0]!.id}`))?.revokedAt).toBeNull();
    expect((await store.getSession(`s-${a ? officers[0] : officers[1]}`))?.revokedAt).toBe(at);
  });
});

describe.each(stores)('the store contract on %s: keys, notes and re-wraps', (_name, make) => {
  it('seals for the recovery key first, then every active key of every active officer', async () => {
    const store = make();
    const suffix = `${serial++}`;
    const recovery = `age1recovery${suffix}`;
    expect(await store.setRecoveryKey(recovery, at, entry('', 'keys:recovery'))).toBe(true);
    // The same key again changes nothing and writes no audit entry; another one replaces it (a rotation).
    expect(await store.setRecoveryKey(recovery, at, entry('', 'keys:recovery'))).toBe(false);
    const officer = `officer-${suffix}`;
    await enrol(store, officer);
    const key = { fingerprint: `f-${suffix}`, officerId: officer, recipient: `age1device${suffix}`, createdAt: at };
    expect(await store.addOfficerKey(key, entry('', 'keys:add'))).toBe(true);
    expect(await store.addOfficerKey(key, entry('', 'keys:add'))).toBe(false);
    const now = await store.recipients();
    expect(now[0]).toBe(recovery);
    expect(now).toContain(key.recipient);
    expect(await store.setRecoveryKey(`age1next${suffix}`, at, entry('', 'keys:recovery'))).toBe(true);
    expect((await store.recipients())[0]).toBe(`age1next${suffix}`);
    expect((await store.listOfficerKeys()).find((k) => k.fingerprint === key.fingerprint)?.revokedAt).toBeNull();
  });

  it('writes a status note with its change only, and re-seals requests with their notes only as read', async () => {
    const store = make();
    const r = request({ keyset: 'old' });
    await store.insertRequest(r, entry(r.reference, 'received'));
    const note = { id: crypto.randomUUID(), reference: r.reference, sealed: 'note-old' };
    const change = { reference: r.reference, from: 'received' as const, to: 'refused' as const, at, closedAt: at };
    expect(await store.setStatus({ ...change, from: 'in-progress', note }, entry(r.reference, 'status:refused'))).toBe(
      false,
    );
    expect(await store.listNotes(r.reference)).toEqual([]);
    expect(await store.setStatus({ ...change, note }, entry(r.reference, 'status:refused'))).toBe(true);
    expect(await store.listNotes(r.reference)).toEqual([note]);
    const page = await store.pageToReseal('new', r.reference.slice(0, -1), 10);
    const row = page.rows.find((x) => x.reference === r.reference)!;
    expect(row).toEqual({
      reference: r.reference,
      sealed: 'sealed',
      keyset: 'old',
      notes: [{ id: note.id, sealed: 'note-old' }],
    });
    const item = {
      reference: r.reference,
      from: 'old',
      sealed: 'sealed-new',
      notes: [{ id: note.id, sealed: 'note-new' }],
    };
    expect(await store.resealRequests([item], 'new', entry('', 'keys:rewrap'))).toBe(1);
    // The same batch again: the request is no longer sealed for `old`, nothing is written, no audit entry.
    expect(await store.resealRequests([{ ...item, sealed: 'other' }], 'new', entry('', 'keys:rewrap'))).toBe(0);
    expect(await store.getRequest(r.reference)).toMatchObject({ sealed: 'sealed-new', keyset: 'new' });
    expect(await store.listNotes(r.reference)).toEqual([{ ...note, sealed: 'note-new' }]);
    expect((await store.pageToReseal('new', r.reference.slice(0, -1), 10)).rows.map((x) => x.reference)).not.toContain(
      r.reference,
    );
    const audits = (await store.listAudit()).filter((a) => a.action === 'keys:rewrap');
    expect(audits.at(-1)).toMatchObject({ detail: '1' });
    await store.deleteRequests([r.reference], [entry(r.reference, 'purged')]);
    expect(await store.listNotes(r.reference)).toEqual([]);
  });
});

describe.each(stores)('the store contract on %s: what readiness reads', (_name, make) => {
  it('takes the probe’s write again and again, and names the schema’s last migration', async () => {
    const store = make();
    await store.probeWrite(at);
    await store.probeWrite('2026-11-24T00:00:02.000Z');
    expect(await store.schemaOf()).toBe(SCHEMA);
  });

  it('gives the outbox’s oldest pending message, its last delivery and the count given up', async () => {
    const store = make();
    const message = (id: string) =>
      ({ id, reference: null, recipient: 'x@example.org', kind: 'digest', data: { rows: [] } }) as never;
    const before = await store.outboxAges();
    await store.enqueueMessages([message(`ages-a-${serial}`), message(`ages-b-${serial}`)], '2020-01-01T00:00:00.000Z');
    expect((await store.outboxAges()).oldestPendingAt).toBe('2020-01-01T00:00:00.000Z');
    await store.messagesSent([`ages-a-${serial}`], '2030-01-01T00:00:00.000Z');
    await store.messageFailed(`ages-b-${serial}`, 'refused', null);
    const after = await store.outboxAges();
    expect(after.lastSentAt).toBe('2030-01-01T00:00:00.000Z');
    expect(after.failed).toBe(before.failed + 1);
    expect(after.oldestPendingAt).toBe(before.oldestPendingAt);
    serial++;
  });
});

describe.each(stores)('the store contract on %s: cookie scans', (_name, make) => {
  it('keeps a scan’s summary with its audit entry, and gives the one that finished last', async () => {
    const store = make();
    const mark = `scan-${Date.now()}-${serial++}`;
    const scan = (finishedAt: string) => ({
      finishedAt,
      recordedAt: at,
      summary: JSON.stringify({ mark, finishedAt }),
    });
    await store.recordScan(scan('2031-01-02T00:00:00.000Z'), {
      ...entry('', 'scan:recorded'),
      reference: null,
      detail: mark,
    });
    // Recorded later, finished earlier (a scan run again from an older report): not the last one.
    await store.recordScan(scan('2031-01-01T00:00:00.000Z'), {
      ...entry('', 'scan:recorded'),
      reference: null,
      detail: mark,
    });
    expect(await store.lastScan()).toEqual(scan('2031-01-02T00:00:00.000Z'));
    expect((await store.listAudit()).filter((a) => a.detail === mark)).toHaveLength(2);
  });
});

describe.each(stores)('the store contract on %s: consent receipts at volume', (_name, make) => {
  const receipt = (decidedAt: string, choices: Partial<typeof validReceipt.choices> = {}) =>
    JSON.stringify({ ...validReceipt, decidedAt, choices: { ...validReceipt.choices, ...choices } });

  it('counts each decision in its week and each category it accepted, as the receipts themselves would', async () => {
    const store = make();
    const before = overviewFrom(await store.consentWeeks());
    const filed = [
      receipt('2031-03-03T10:00:00.000Z', { statistics: true }),
      receipt('2031-03-09T23:59:00.000Z', { statistics: true, advertising: true }),
      receipt('2031-03-10T00:00:00.000Z', { statistics: false }),
    ];
    for (const r of filed) await store.addConsentReceipt(r, at);
    const after = overviewFrom(await store.consentWeeks());
    const added = consentOverview(filed);
    expect(after.total - before.total).toBe(3);
    for (const week of added.weeks) expect(after.weeks).toContainEqual(week);
    for (const { id, accepted } of added.categories)
      expect(
        after.categories.find((c) => c.id === id)!.accepted - before.categories.find((c) => c.id === id)!.accepted,
      ).toBe(accepted);
  });

  it('files receipts arriving together, each counted once, and refuses a malformed one alone', async () => {
    const store = make();
    const before = await store.countConsentReceipts();
    const weekBefore = (await store.consentWeeks()).find((w) => w.week === '2032-05-03' && w.category === '');
    const together = Array.from({ length: 40 }, (_, i) =>
      receipt(`2032-05-0${3 + (i % 5)}T12:00:00.000Z`, { statistics: i % 2 === 0 }),
    );
    const outcomes = await Promise.allSettled([
      ...together.map((r) => store.addConsentReceipt(r, at)),
      store.addConsentReceipt('{"not":"a receipt"', at),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(40);
    expect(outcomes.at(-1)?.status).toBe('rejected');
    expect((await store.countConsentReceipts()) - before).toBe(40);
    const week = (await store.consentWeeks()).find((w) => w.week === '2032-05-03' && w.category === '');
    expect((week?.n ?? 0) - (weekBefore?.n ?? 0)).toBe(40);
  });

  it('deletes by the retention rule alone: decisions older than its cut-off, one audit entry, the counts kept', async () => {
    const store = make();
    await store.addConsentReceipt(receipt('2019-01-07T10:00:00.000Z'), at);
    await store.addConsentReceipt(receipt('2019-01-08T10:00:00.000Z'), at);
    await store.addConsentReceipt(receipt('2026-11-20T10:00:00.000Z'), at);
    const counted = await store.countConsentReceipts();
    const weeks = overviewFrom(await store.consentWeeks());
    const deleted = await store.purgeReceipts('2020-01-01T00:00:00.000Z', {
      at,
      reference: null,
      action: 'receipts:retention',
      operator: 'retention',
    });
    expect(deleted).toBeGreaterThanOrEqual(2);
    expect(await store.countConsentReceipts()).toBe(counted - deleted);
    expect(overviewFrom(await store.consentWeeks())).toEqual(weeks);
    expect((await store.listAudit()).filter((a) => a.action === 'receipts:retention').at(-1)).toMatchObject({
      detail: String(deleted),
    });
    // Nothing left to delete: no entry.
    const entries = (await store.listAudit()).length;
    expect(
      await store.purgeReceipts('2020-01-01T00:00:00.000Z', {
        at,
        reference: null,
        action: 'receipts:retention',
        operator: 'retention',
      }),
    ).toBe(0);
    expect((await store.listAudit()).length).toBe(entries);
    // A cut-off in the future cannot reach a decision that may still stand: the database keeps it.
    await expect(
      store.purgeReceipts('2100-01-01T00:00:00.000Z', {
        at,
        reference: null,
        action: 'receipts:retention',
        operator: 'retention',
      }),
    ).rejects.toThrow();
    expect(await store.countConsentReceipts()).toBe(counted - deleted);
  });
});

describe.each(stores)('the store contract on %s: the list paged by key', (_name, make) => {
  it('gives every filter’s requests in due order, page after page, as the whole list filtered would', async () => {
    const store = make();
    const tag = `P${serial}`.slice(-4).padStart(4, 'P');
    const mine = (r: { reference: string }) => r.reference.endsWith(tag);
    for (let i = 0; i < 12; i++) {
      const closed = i % 3 === 0;
      await store.insertRequest(
        request({
          reference: `2031-${String(1000 + i)}-${tag}`,
          type: i % 2 ? 'access' : 'deletion',
          status: closed ? 'completed' : i % 4 ? 'received' : 'in-progress',
          closedAt: closed ? '2031-01-02T00:00:00.000Z' : null,
          // Two share each due date: the reference orders them.
          dueAt: `2031-02-${String(10 + Math.floor(i / 2)).padStart(2, '0')}T00:00:00.000Z`,
        }),
        entry(`2031-${String(1000 + i)}-${tag}`, 'received'),
      );
    }
    const everything = (await store.listRequests()).filter(mine);
    for (const status of ['all', 'open', 'received', 'completed'] as const)
      for (const type of ['', 'access'] as const) {
        const expected = everything
          .filter((r) => status === 'all' || (status === 'open' ? !r.closedAt : r.status === status))
          .filter((r) => !type || r.type === type)
          .map((r) => r.reference);
        const seen: string[] = [];
        let after: { dueAt: string; reference: string } | null = null;
        for (let pages = 0; pages < 20; pages++) {
          const { rows } = await store.pageRequests({ status, type }, after, 3);
          seen.push(...rows.map((r) => r.reference));
          if (rows.length < 3) break;
          after = { dueAt: rows.at(-1)!.dueAt, reference: rows.at(-1)!.reference };
        }
        expect(
          seen.filter((r) => r.endsWith(tag)),
          `${status} ${type}`,
        ).toEqual(expected);
      }
  });
});

describe('the list’s SQL on node:sqlite', () => {
  it('finds an index for every filter, and sorts with it', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    const path = join(dir, `plan${n++}.db`);
    openSqliteStore(path).close();
    const db = new DatabaseSync(path);
    for (const status of ['all', 'open', 'received'])
      for (const type of ['', 'access'])
        for (const after of [false, true]) {
          const sql = pageSql({ status, type } as never, after);
          const values = pageValues({ status, type } as never, after ? { dueAt: 'x', reference: 'y' } : null, 3);
          const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql.page}`).all(...values.page) as { detail: string }[])
            .map((r) => r.detail)
            .join('; ');
          expect(plan, `${status} ${type} ${after}`).toMatch(/USING (COVERING )?INDEX requests_/);
          expect(plan, `${status} ${type} ${after}`).not.toMatch(/TEMP B-TREE/);
        }
    db.close();
  });
});

describe.each(stores)('the store contract on %s: the journal paged and filtered', (_name, make) => {
  it('filters by reference, action (its start, taken literally), operator and days, newest first, page by page', async () => {
    const store = make();
    const ref = `2032-${String(serial++).padStart(4, '0')}-JRNL`;
    const entries = [
      { at: '2032-01-01T10:00:00.000Z', reference: ref, action: 'received', operator: 'requester', detail: null },
      { at: '2032-01-02T10:00:00.000Z', reference: ref, action: 'status:in_progress', operator: 'Ana', detail: null },
      { at: '2032-01-03T10:00:00.000Z', reference: ref, action: 'status:completed', operator: 'Bo', detail: null },
      { at: '2032-01-04T10:00:00.000Z', reference: ref, action: 'export:csv', operator: 'Ana', detail: null },
    ];
    for (const e of entries) await store.appendAudit(e);
    const actions = async (filter: Parameters<Both['pageAudit']>[0], before = 0, limit = 10) =>
      (await store.pageAudit({ reference: ref, ...filter }, before, limit)).map((e) => e.action);
    expect(await actions({})).toEqual(['export:csv', 'status:completed', 'status:in_progress', 'received']);
    expect(await actions({ action: 'status:' })).toEqual(['status:completed', 'status:in_progress']);
    // LIKE's own characters are themselves: `in_` matches the underscore only.
    expect(await actions({ action: 'status:in_' })).toEqual(['status:in_progress']);
    expect(await actions({ action: '%' })).toEqual([]);
    expect(await actions({ operator: 'Ana' })).toEqual(['export:csv', 'status:in_progress']);
    expect(await actions({ from: '2032-01-02T00:00:00.000Z', to: '2032-01-04T00:00:00.000Z' })).toEqual([
      'status:completed',
      'status:in_progress',
    ]);
    const first = await store.pageAudit({ reference: ref }, 0, 3);
    expect(first).toHaveLength(3);
    expect(await actions({}, first.at(-1)!.id, 3)).toEqual(['received']);
  });
});

describe.each(stores)('the store contract on %s: the retention view', (_name, make) => {
  it('gives the requests closed before the cut-off, oldest closed first, and nothing still open', async () => {
    const store = make();
    const tag = `R${String(serial++).padStart(3, '0')}`.slice(-4);
    const closedOn = ['2001-03-01', '2001-01-01', null, '2001-02-01'];
    for (const [i, day] of closedOn.entries())
      await store.insertRequest(
        request({
          reference: `2001-${String(1000 + i)}-${tag}`,
          status: day ? 'completed' : 'received',
          closedAt: day ? `${day}T00:00:00.000Z` : null,
        }),
        entry(`2001-${String(1000 + i)}-${tag}`, 'received'),
      );
    const mine = (await store.closedBefore('2001-02-15T00:00:00.000Z', 500)).filter((r) => r.reference.endsWith(tag));
    expect(mine.map((r) => r.closedAt)).toEqual(['2001-01-01T00:00:00.000Z', '2001-02-01T00:00:00.000Z']);
  });
});

describe.each(stores)('the store contract on %s: requests by idempotency and deletion', (_name, make) => {
  it('finds a request by its idempotency hash, and a second filing under it writes nothing', async () => {
    const store = make();
    const r = request();
    expect((await store.insertRequest(r, entry(r.reference, 'received'))).inserted).toBe(true);
    const again = await store.insertRequest({ ...r, reference: `${r.reference}X` }, entry(r.reference, 'received'));
    expect(again).toMatchObject({ inserted: false, request: { reference: r.reference } });
    expect((await store.requestByIdempotency(r.idempotencyHash))?.reference).toBe(r.reference);
    expect(await store.requestByIdempotency('nothing-filed-under-this')).toBeNull();
    expect(await store.getRequest(`${r.reference}X`)).toBeNull();
  });

  it('deletes a request with its notes and audits it once, even when two purges name it', async () => {
    const store = make();
    const r = request();
    await store.insertRequest(r, entry(r.reference, 'received'));
    const note = { id: `n${serial++}`, reference: r.reference, sealed: 'note' };
    await store.setStatus(
      { reference: r.reference, from: 'received', to: 'completed', at, closedAt: at, note },
      entry(r.reference, `note:${note.id}`),
    );
    const purged = entry(r.reference, 'purged');
    const [first, second] = await Promise.all([
      store.deleteRequests([r.reference], [purged]),
      store.deleteRequests([r.reference], [purged]),
    ]);
    expect(first + second).toBe(1);
    expect(await store.getRequest(r.reference)).toBeNull();
    expect(await store.listNotes(r.reference)).toEqual([]);
    expect((await store.listAudit(r.reference)).filter((a) => a.action === 'purged')).toHaveLength(1);
    expect(await store.deleteRequests([], [])).toBe(0);
  });
});

describe.each(stores)('the store contract on %s: proofs of work', (_name, make) => {
  it('spends a proof once until it expires, and forgets it after', async () => {
    const store = make();
    const signature = `sig-${serial++}-${Date.now()}`;
    expect(await store.spendProof(signature, 2_000, 1_000)).toBe(true);
    expect(await store.spendProof(signature, 2_000, 1_500)).toBe(false);
    // Expired at 2,000: the ledger lets it go (the proof's own expiry refuses it before the ledger is asked).
    expect(await store.spendProof(signature, 4_000, 2_001)).toBe(true);
  });
});

describe.each(stores)('the store contract on %s: the outbox', (_name, make) => {
  const message = (id: string) =>
    ({ id, reference: null, recipient: 'x@example.org', kind: 'digest', data: { at, rows: [] } }) as never;
  const t = (minutes: number) => new Date(Date.UTC(2019, 5, 1, 0, minutes)).toISOString();

  it('leases a due message to one loop at a time, gives it back on release or expiry, and forgets it once sent', async () => {
    const store = make();
    const id = `lease-${serial++}`;
    await store.enqueueMessages([message(id)], t(0));
    await store.enqueueMessages([message(id)], t(0));
    const claim = async (now: number, lease: number) =>
      (await store.claimMessages(t(now), t(lease), 1_000)).filter((c) => c.id === id);
    const [first] = await claim(1, 6);
    expect(first).toMatchObject({ id, recipient: 'x@example.org', kind: 'digest', attempts: 0 });
    expect(await claim(2, 7)).toEqual([]);
    await store.releaseLeases();
    expect(await claim(2, 7)).toHaveLength(1);
    expect(await claim(8, 13)).toHaveLength(1);
    await store.messageFailed(id, 'timeout', t(60));
    expect(await claim(30, 35)).toEqual([]);
    expect((await claim(60, 65))[0]?.attempts).toBe(1);
    await store.messagesSent([id], t(61));
    expect(await claim(600, 605)).toEqual([]);
    expect((await store.listUndelivered()).map((u) => u.id)).not.toContain(id);
  });

  it('shows a message given up, without its address, and tries it again at the officer’s request, audited', async () => {
    const store = make();
    const id = `given-up-${serial++}`;
    await store.enqueueMessages([message(id)], t(0));
    await store.messageFailed(id, 'mailbox refused', null);
    const shown = (await store.listUndelivered()).find((u) => u.id === id);
    expect(shown).toMatchObject({ id, kind: 'digest', state: 'failed', attempts: 1, lastError: 'mailbox refused' });
    expect(JSON.stringify(shown)).not.toContain('x@example.org');
    const retried = { at, reference: null, action: `mail:retry:${id}`, operator: 'test', detail: null };
    expect(await store.retryMessage(id, t(5), retried)).toBe(true);
    expect((await store.claimMessages(t(5), t(10), 1_000)).map((c) => c.id)).toContain(id);
    expect(await store.retryMessage(`${id}-none`, t(5), { ...retried, action: 'mail:retry:none' })).toBe(false);
    const audit = (await store.listAudit()).map((a) => a.action);
    expect(audit.filter((a) => a === `mail:retry:${id}`)).toHaveLength(1);
    expect(audit).not.toContain('mail:retry:none');
  });

  it('records an address as confirmed once, and when', async () => {
    const store = make();
    const r = request();
    await store.insertRequest(r, entry(r.reference, 'received'));
    expect(await store.emailConfirmedAt(r.reference)).toBeNull();
    const confirmed = { at, reference: r.reference, action: 'email:confirmed', operator: 'requester', detail: null };
    expect(await store.confirmEmail(confirmed)).toBe(true);
    expect(await store.confirmEmail({ ...confirmed, at: '2026-11-25T00:00:00.000Z' })).toBe(false);
    expect(await store.emailConfirmedAt(r.reference)).toBe(at);
  });
});

describe.each(stores)('the store contract on %s: sessions, ceremonies and sign-in failures', (_name, make) => {
  it('keeps a session (signing in proves presence), sees it used, spends each confirmation once, and ends it', async () => {
    const store = make();
    const officer = `sess-${serial++}`;
    await enrol(store, officer);
    expect(await store.getOfficer(officer)).toMatchObject({ id: officer, name: officer, revokedAt: null });
    expect(await store.getOfficer(`${officer}-none`)).toBeNull();
    const idHash = `h-${officer}`;
    const session = {
      idHash,
      officerId: officer,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: '2099-01-01T00:00:00.000Z',
    };
    await store.addSession({ ...session, revokedAt: null });
    expect(await store.getSession(idHash)).toMatchObject({ ...session, revokedAt: null, verifiedAt: at });
    await store.touchSession(idHash, '2026-11-24T00:10:00.000Z');
    expect((await store.getSession(idHash))?.lastSeenAt).toBe('2026-11-24T00:10:00.000Z');
    expect(await store.spendConfirmation(idHash, at)).toBe(false);
    await store.verifySession(idHash, '2026-11-24T00:11:00.000Z');
    expect(await store.spendConfirmation(idHash, '2026-11-24T00:12:00.000Z')).toBe(false);
    expect(await store.spendConfirmation(idHash, '2026-11-24T00:10:30.000Z')).toBe(true);
    expect(await store.spendConfirmation(idHash, '2026-11-24T00:10:30.000Z')).toBe(false);
    await store.revokeSession(idHash, '2026-11-24T00:20:00.000Z');
    expect((await store.getSession(idHash))?.revokedAt).toBe('2026-11-24T00:20:00.000Z');
    expect(await store.getSession(`${idHash}-none`)).toBeNull();
  });

  it('keeps a passkey’s counter and last use, and an invitation once', async () => {
    const store = make();
    const officer = `pk-${serial++}`;
    await enrol(store, officer);
    expect(await store.getInvitation(officer)).toMatchObject({ codeHash: officer, name: officer });
    expect((await store.getInvitation(officer))?.usedAt).not.toBeNull();
    expect(await store.getInvitation(`${officer}-none`)).toBeNull();
    await store.usePasskey(`cred-${officer}`, 7, '2026-11-24T01:00:00.000Z');
    expect(await store.getPasskey(`cred-${officer}`)).toMatchObject({
      officerId: officer,
      counter: 7,
      lastUsedAt: '2026-11-24T01:00:00.000Z',
    });
    expect(await store.getPasskey('cred-none')).toBeNull();
  });

  it('hands a ceremony out once, whatever its expiry, and lets expired ones go when another is kept', async () => {
    const store = make();
    const k = `cer-${serial++}`;
    const ceremony = (idHash: string, expiresAt: string) =>
      ({ idHash, purpose: 'signin', challengeHash: `c-${idHash}`, data: null, expiresAt }) as const;
    await store.addCeremony(ceremony(`${k}-a`, '2026-11-24T00:05:00.000Z'), at);
    await store.addCeremony(ceremony(`${k}-b`, '2026-11-24T00:05:00.000Z'), at);
    expect(await store.spendCeremony(`${k}-a`)).toEqual(ceremony(`${k}-a`, '2026-11-24T00:05:00.000Z'));
    expect(await store.spendCeremony(`${k}-a`)).toBeNull();
    // Another kept after b expired: b is gone, unspent.
    await store.addCeremony(ceremony(`${k}-c`, '2026-11-24T01:05:00.000Z'), '2026-11-24T01:00:00.000Z');
    expect(await store.spendCeremony(`${k}-b`)).toBeNull();
    expect((await store.spendCeremony(`${k}-c`))?.challengeHash).toBe(`c-${k}-c`);
  });

  it('counts failed sign-ins per window, oldest first, from the window asked', async () => {
    const store = make();
    const year = 2100 + serial++;
    const w = (minute: number) => new Date(Date.UTC(year, 0, 1, 0, minute)).toISOString();
    await store.countSigninFailure(w(0));
    await store.countSigninFailure(w(0));
    await store.countSigninFailure(w(15));
    expect(await store.signinFailures(w(0))).toEqual([
      { windowStart: w(0), failures: 2 },
      { windowStart: w(15), failures: 1 },
    ]);
    expect(await store.signinFailures(w(1))).toEqual([{ windowStart: w(15), failures: 1 }]);
  });
});

/** The rate limits' counters: in memory on the Node entry (one process), in D1 on Workers (many). */
const counters: [string, () => Counter][] = [
  ['memory (Node)', () => memoryCounter()],
  ['D1', () => d1Counter(d1.db)],
];
describe.each(counters)('the counter contract on %s', (_name, make) => {
  it('counts hits per key and window, peeks without counting, and gives one back', async () => {
    const counter = make();
    const key = `k-${serial++}`;
    expect(await counter.peek(key, 60)).toBe(0);
    expect(await counter.hit(key, 60)).toBe(1);
    expect(await counter.hit(key, 60)).toBe(2);
    expect(await counter.hit(`${key}-other`, 60)).toBe(1);
    expect(await counter.peek(key, 60)).toBe(2);
    await counter.release(key, 60);
    expect(await counter.peek(key, 60)).toBe(1);
    // The next window starts from nothing.
    expect(await counter.hit(key, 120)).toBe(1);
    expect(await counter.peek(key, 120)).toBe(1);
  });
});

/** D1 refusing as SQLite does (its errors carry SQLite's words): the store says so as node:sqlite's does. */
describe('the D1 store’s errors', () => {
  const failing = (message: string): D1Database => {
    const refuse = () => Promise.reject(new Error(message));
    const statement = { bind: () => statement, first: refuse, all: refuse, run: refuse };
    return { prepare: () => statement as never, batch: refuse };
  };
  it.each([
    ['D1_ERROR: database is locked: SQLITE_BUSY', 'busy'],
    ['D1_ERROR: database or disk is full: SQLITE_FULL', 'full'],
    ['D1_ERROR: attempt to write a readonly database: SQLITE_READONLY', 'unavailable'],
  ])('gives “%s” as the store’s %s, on single statements and batches', async (message, fault) => {
    const store = { ...d1Store(failing(message)), ...d1AccessStore(failing(message)) };
    for (const attempt of [
      () => store.getRequest('X'),
      () => store.insertRequest(request(), entry('X', 'received')),
      () =>
        store.addSession({
          idHash: 'x',
          officerId: 'x',
          createdAt: at,
          lastSeenAt: at,
          expiresAt: at,
          revokedAt: null,
        }),
      () => d1Counter(failing(message)).hit('k', 0),
    ]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as StoreError).fault).toBe(fault);
    }
  });
  it('lets other errors through as they are (a clash of references is drawn again)', async () => {
    const clash = 'D1_ERROR: UNIQUE constraint failed: requests.reference: SQLITE_CONSTRAINT';
    const error = await d1Store(failing(clash))
      .getRequest('X')
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(StoreError);
    expect((error as Error).message).toBe(clash);
  });
});
