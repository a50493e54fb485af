// The cookie scans the officer keeps: recorded once checked (here and through the admin API), the last one shown.
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../shared/crypto/encoding.ts';
import type { ScanSummary } from '../../shared/scan-summary.ts';
import { remoteStore } from '../store/remote.ts';
import { PORTAL, setup, storesForTests } from '../testing.ts';
import type { OfficerError } from './officer.ts';
import { lastScan, recordScan } from './scans.ts';

const now = new Date('2026-12-07T12:00:00.000Z');
const summary = (over: Partial<ScanSummary> = {}): ScanSummary => ({
  type: 'citim-scan-summary',
  version: 1,
  startedAt: '2026-12-07T10:00:00.000Z',
  finishedAt: '2026-12-07T10:05:00.000Z',
  revision: 1,
  sites: [{ start: 'https://www.example.org/', pages: 12 }],
  counts: { breaches: 1, undeclared: 0, lifetimes: 0, withoutWidget: 0, neverSeen: 2 },
  breaches: [
    {
      what: 'cookie',
      name: '_ga',
      service: 'Google Analytics',
      category: 'statistics',
      site: 'example.org',
      passes: ['before', 'refused'],
      pages: ['https://www.example.org/'],
      sources: ['https://www.googletagmanager.com/gtag/js'],
    },
  ],
  undeclared: [],
  ...over,
});

const stores = storesForTests();
afterAll(stores.dispose);

describe.each(stores.each)('the cookie scans the officer keeps, on %s', (_name, make) => {
  it('keeps a summary with its audit entry, and gives the one that finished last', async () => {
    const store = await make();
    expect(await lastScan(store)).toBeNull();
    await recordScan(store, summary(), { now, operator: 'a.tremblay' });
    await recordScan(
      store,
      summary({ finishedAt: '2026-12-01T10:05:00.000Z', startedAt: '2026-12-01T10:00:00.000Z' }),
      {
        now,
        operator: 'a.tremblay',
      },
    );
    expect(await lastScan(store)).toEqual({ recordedAt: now.toISOString(), summary: summary() });
    expect((await store.listAudit()).map((a) => [a.action, a.operator, a.detail])).toEqual([
      ['scan:recorded', 'a.tremblay', '2026-12-07T10:05:00.000Z: 1 breach(es), 0 undeclared'],
      ['scan:recorded', 'a.tremblay', '2026-12-01T10:05:00.000Z: 1 breach(es), 0 undeclared'],
    ]);
  });

  it('refuses what is not a summary, or is dated after today, in words, and keeps nothing', async () => {
    const store = await make();
    const refusal = (input: unknown) =>
      recordScan(store, input, { now, operator: 'a.tremblay' }).then(
        () => '',
        (e: OfficerError) => `${e.kind}: ${e.message}`,
      );
    expect(await refusal(undefined)).toMatch(/^input: This is not a scan's summary .*: the file /);
    expect(await refusal({ ...summary(), counts: { breaches: -1 } })).toMatch(
      /^input: This is not a scan's summary.*counts/,
    );
    expect(await refusal(summary({ finishedAt: '2026-12-09T00:00:00.000Z' }))).toMatch(/after today/);
    expect(await refusal(summary({ startedAt: '2026-12-07T11:00:00.000Z' }))).toMatch(/finished before it started/);
    expect(await lastScan(store)).toBeNull();
    expect(await store.listAudit()).toEqual([]);
  });
});

describe('the cookie scans through the admin API', () => {
  it('records through the admin API as on the server itself, the server checking again', async () => {
    const token = 'officer-admin-token-0123456789abcdef0123';
    const s = await setup({ adminTokenHash: await sha256(token) });
    const send = ((input: URL | RequestInfo, init?: RequestInit) =>
      s.app.request(input instanceof URL ? input.href : input, init)) as typeof fetch;
    const remote = remoteStore(PORTAL, token, send);
    await recordScan(
      remote,
      summary({ finishedAt: '2026-11-23T14:00:00.000Z', startedAt: '2026-11-23T13:00:00.000Z' }),
      {
        now: s.clock.now,
        operator: 'a.tremblay',
      },
    );
    expect((await lastScan(s.store))?.summary.finishedAt).toBe('2026-11-23T14:00:00.000Z');
    // A client whose clock runs ahead cannot plant a scan the server's clock places in the future.
    await expect(recordScan(remote, summary(), { now, operator: 'a.tremblay' })).rejects.toThrow(/after today/);
  });
});
