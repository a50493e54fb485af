// /healthz and /readyz through app.request: ready when the database takes a write, its schema is this code's, a key
// is set and the outbox delivers; 503 with the failing check named otherwise; never a personal fact.
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite.ts';
import { setup, storesForTests, validRequest } from '../testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const readiness = async (t: Awaited<ReturnType<typeof setup>>) => {
  const response = await t.app.request('/readyz');
  const body = (await response.json()) as { status: string; checks: Record<string, Record<string, unknown>> };
  return { code: response.status, ...body, failing: Object.keys(body.checks).filter((k) => !body.checks[k]!['ok']) };
};

describe.each(stores.each)('health, on %s', (_name, make) => {
  it('says the process is alive, whatever else', async () => {
    const t = await setup({ store: await make(), recoveryKey: undefined });
    const response = await t.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'alive' });
  });

  it('is ready with a writable database of this schema, a recovery key and an outbox that delivers', async () => {
    const t = await setup({ store: await make() });
    await t.post({ ...validRequest, website: '' }, { 'Idempotency-Key': crypto.randomUUID() });
    const ready = await readiness(t);
    expect(ready).toMatchObject({ code: 200, status: 'ready', failing: [] });
    expect(ready.checks['database']).toMatchObject({ ok: true, ms: expect.any(Number) });
    // Ages and counts only: no reference, address, key, version or place.
    expect(JSON.stringify(ready)).not.toMatch(/\d{4}-[A-Z0-9]{4}-|@|age1|\.sql|\/tmp|portal/);
  });

  it('is not ready without a recovery key (nothing could be filed)', async () => {
    expect(await readiness(await setup({ store: await make(), recoveryKey: '' }))).toMatchObject({
      code: 503,
      failing: ['key'],
    });
  });

  it('is not ready when a message has waited over an hour with nothing delivered since; ready once one leaves', async () => {
    const t = await setup({ store: await make() });
    const written = new Date(t.clock.now.getTime() - 2 * 3_600_000).toISOString();
    await t.store.enqueueMessages(
      [{ id: 'waiting', reference: null, recipient: 'x@example.org', kind: 'digest', data: { rows: [] } } as never],
      written,
    );
    const stuck = await readiness(t);
    expect(stuck).toMatchObject({ code: 503, failing: ['outbox'] });
    expect(stuck.checks['outbox']).toMatchObject({ oldestPendingMinutes: 120, lastSentHours: null });
    // The answer stands two seconds (a flood of probes costs one write per two seconds at most).
    await t.store.messagesSent(['waiting'], t.clock.now.toISOString());
    expect((await readiness(t)).code).toBe(503);
    t.clock.now = new Date(t.clock.now.getTime() + 2_000);
    expect(await readiness(t)).toMatchObject({ code: 200, failing: [] });
  });
});

describe('health of a node:sqlite file', () => {
  it('is not ready when the database refuses writes', async () => {
    const store = openSqliteStore(':memory:', { onOpen: (db) => db.exec('PRAGMA query_only = 1'), busyBudgetMs: 0 });
    expect(await readiness(await setup({ store }))).toMatchObject({ code: 503, failing: ['database'] });
  });

  it('is not ready on a schema behind this code’s', async () => {
    const store = openSqliteStore(':memory:', { schemaUpTo: '0009_officer_keys.sql' });
    const ready = await readiness(await setup({ store }));
    expect(ready.code).toBe(503);
    expect(ready.failing).toContain('schema');
  });
});
