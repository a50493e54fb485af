import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SQL, type StoredRequest } from './contract.ts';
import { openSqliteStore } from './sqlite.ts';
import { validReceipt } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => openSqliteStore(join(dir, `t${n++}.db`));
const request = (over: Partial<StoredRequest> = {}): StoredRequest => ({
  reference: '2026-AAAA-BBBB',
  type: 'access',
  receivedAt: '2026-11-23T10:00:00.000Z',
  dueAt: '2026-12-23T10:00:00.000Z',
  status: 'received',
  statusChangedAt: '2026-11-23T10:00:00.000Z',
  closedAt: null,
  tokenHash: 'h',
  idempotencyHash: 'k1',
  payloadHash: 'p1',
  ownerHash: 'o1',
  sealed: 'v1.x.y.z',
  keyset: '',
  ...over,
});
const audit = {
  at: '2026-11-24T00:00:00.000Z',
  reference: '2026-AAAA-BBBB',
  action: 'status:in-progress',
  operator: 'officer',
  detail: null,
};

describe('node:sqlite store', () => {
  it('zeroes what it deletes (secure_delete), so free pages keep no deleted content', async () => {
    const store = fresh();
    store.close();
    const { DatabaseSync } = await import('node:sqlite');
    // The pragma is per connection: the store's own connection sets it; a new one reads the default, so ask the store.
    const raw = new DatabaseSync(join(dir, `t${n - 1}.db`));
    raw.close();
    const reopened = openSqliteStore(join(dir, `t${n - 1}.db`), {
      onOpen: (db) => expect(db.prepare('PRAGMA secure_delete').get()).toEqual({ secure_delete: 1 }),
    });
    reopened.close();
  });

  it('keeps its journal in WAL mode and migrates once', async () => {
    const store = fresh();
    store.close();
    const again = openSqliteStore(join(dir, `t${n - 1}.db`));
    again.close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(join(dir, `t${n - 1}.db`));
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    const files = readdirSync(new URL('./migrations/', import.meta.url)).filter((f) => f.endsWith('.sql'));
    expect(raw.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: files.length });
    raw.close();
  });

  it('reads one request’s history from an index, in order, whatever the size of the log', async () => {
    fresh().close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(join(dir, `t${n - 1}.db`));
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${SQL.listAuditFor}`).all('2026-AAAA-BBBB') as { detail: string }[];
    expect(plan.map((step) => step.detail).join('; ')).toMatch(/USING (COVERING )?INDEX audit_reference/);
    expect(plan.map((step) => step.detail).join('; ')).not.toMatch(/TEMP B-TREE/);
    raw.close();
  });

  it('files a request once per idempotency key and returns the first on a retry', async () => {
    const store = fresh();
    expect(await store.insertRequest(request(), audit)).toEqual({ inserted: true, request: request() });
    const retry = await store.insertRequest(request({ reference: '2026-CCCC-DDDD' }), {
      ...audit,
      reference: '2026-CCCC-DDDD',
    });
    expect(retry).toEqual({ inserted: false, request: request() });
    expect(await store.listRequests()).toHaveLength(1);
    expect(await store.listAudit()).toEqual([audit]);
    store.close();
  });

  it('files requests arriving together in one commit, each answered on its own', async () => {
    const store = fresh();
    const many = Array.from({ length: 20 }, (_, i) =>
      request({ reference: `2026-AAAA-${String(i).padStart(4, 'B')}`, idempotencyHash: `k${i}` }),
    );
    // A duplicate reference fails alone; a repeated key returns the first; the rest are filed.
    const clash = request({ reference: '2026-AAAA-BBB0', idempotencyHash: 'other' });
    const repeat = request({ reference: '2026-ZZZZ-ZZZZ', idempotencyHash: 'k3' });
    const results = await Promise.allSettled(
      [...many, clash, repeat].map((r) =>
        store.insertRequest(r, { ...audit, reference: r.reference, action: 'received' }),
      ),
    );
    expect(results.slice(0, 20).every((r) => r.status === 'fulfilled' && r.value.inserted)).toBe(true);
    expect(results[20]!.status).toBe('rejected');
    expect(results[21]).toMatchObject({
      status: 'fulfilled',
      value: { inserted: false, request: { reference: many[3]!.reference } },
    });
    expect(await store.listRequests()).toHaveLength(20);
    expect((await store.listAudit()).filter((a) => a.action === 'received')).toHaveLength(20);
    store.close();
  });

  it('files receipts arriving together in one write, and when one fails there, the others alone, counted once', async () => {
    // A receipt the database refuses inside the batch (here, by a trigger of the test's): the batch is written again
    // one receipt at a time, so only that one fails, and no counter counts twice.
    let db: import('node:sqlite').DatabaseSync | undefined;
    const store = openSqliteStore(join(dir, `t${n++}.db`), { onOpen: (d) => (db = d) });
    db!.exec(`CREATE TEMP TRIGGER refuse_marked BEFORE INSERT ON consent_receipts WHEN NEW.receipt LIKE '%refuse-me%'
      BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const at = '2031-03-05T12:00:00.000Z';
    const receipt = (id: string, statistics: boolean) =>
      JSON.stringify({ ...validReceipt, id, decidedAt: at, choices: { ...validReceipt.choices, statistics } });
    const ids = Array.from({ length: 12 }, (_, i) => `together${String(i).padStart(4, '0')}`);
    const outcomes = await Promise.allSettled([
      ...ids.map((id, i) => store.addConsentReceipt(receipt(id, i % 3 === 0), at)),
      store.addConsentReceipt(receipt('refuse-me000000', true), at),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([...ids.map(() => 'fulfilled'), 'rejected']);
    expect(await store.countConsentReceipts()).toBe(12);
    const weeks = await store.consentWeeks();
    expect(weeks.find((w) => w.week === '2031-03-03' && w.category === '')?.n).toBe(12);
    expect(weeks.find((w) => w.week === '2031-03-03' && w.category === 'statistics')?.n).toBe(4);
    store.close();
  });

  it('keeps the audit log and consent receipts append-only', async () => {
    const store = fresh();
    await store.appendAudit(audit);
    await store.addConsentReceipt(JSON.stringify(validReceipt), audit.at);
    const { DatabaseSync } = await import('node:sqlite');
    store.close();
    const raw = new DatabaseSync(join(dir, `t${n - 1}.db`));
    expect(() => raw.exec('DELETE FROM audit')).toThrow('the audit log is append-only');
    expect(() => raw.exec("UPDATE audit SET operator = 'x'")).toThrow('the audit log is append-only');
    expect(() => raw.exec('DELETE FROM consent_receipts')).toThrow('deleted by the retention rule alone');
    expect(() => raw.exec("UPDATE consent_receipts SET receipt = '{}'")).toThrow('consent receipts are append-only');
    raw.close();
  });

  it('refuses a proof of work spent twice, until it expires', async () => {
    const store = fresh();
    expect(await store.spendProof('sig', 1000, 0)).toBe(true);
    expect(await store.spendProof('sig', 1000, 0)).toBe(false);
    expect(await store.spendProof('sig', 3000, 2000)).toBe(true);
    store.close();
  });
});

describe('the cookie scans on node:sqlite', () => {
  it('keeps the last twelve by when they finished, whatever order they were recorded in', async () => {
    const store = fresh();
    const path = join(dir, `t${n - 1}.db`);
    const audit = {
      at: '2026-12-07T00:00:00.000Z',
      reference: null,
      action: 'scan:recorded',
      operator: 't',
      detail: null,
    };
    // Fourteen weekly scans, recorded newest first: the two oldest go.
    for (let week = 13; week >= 0; week--) {
      const finishedAt = new Date(Date.UTC(2026, 8, 1) + week * 7 * 86_400_000).toISOString();
      await store.recordScan({ finishedAt, recordedAt: audit.at, summary: JSON.stringify({ week }) }, audit);
    }
    store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const raw = new DatabaseSync(path, { readOnly: true });
    const weeks = raw.prepare('SELECT summary FROM scans ORDER BY finished_at').all();
    raw.close();
    expect(weeks.map((r) => JSON.parse(String(r['summary'])).week)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
});
