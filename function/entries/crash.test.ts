// Durability: kill -9 the Node server during a burst of requests, restart it, and every request answered 201 is there.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { identityIn, open } from '../../shared/crypto/sealed.ts';
import { BESIDE_A_SERVER, openSqliteStore } from '../store/sqlite.ts';
import { freePort, startServer, validRequest } from '../testing.ts';

const data = mkdtempSync(join(tmpdir(), 'portal-crash-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let server: ChildProcess | undefined;
afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(data, { recursive: true, force: true });
});

const start = async () =>
  (
    await startServer(
      {
        PORTAL_DATA: data,
        PORTAL_ALTCHA: 'off',
        PORTAL_RATE_PER_WINDOW: '100000',
        PORTAL_STATUS_PER_WINDOW: '100000',
        PORTAL_DIST: data,
      },
      port,
    )
  ).child;

describe('crash safety', () => {
  it('keeps every acknowledged request through a kill -9', async () => {
    server = await start();
    const acknowledged: { reference: string; statusUrl: string }[] = [];
    let sent = 0;
    const worker = async () => {
      while (sent < 2000) {
        const n = sent++;
        const response = await fetch(`${base}/api/requests`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Origin: base,
            'Idempotency-Key': `crash-test-key-${n.toString().padStart(6, '0')}`,
          },
          body: JSON.stringify({ ...validRequest, details: `Demande ${n} envoyée pendant la rafale.` }),
        }).catch(() => null);
        // Acknowledged: the whole answer reached the client (a kill may cut it after its first bytes).
        const answer = response?.status === 201 ? await response.json().catch(() => null) : null;
        if (answer) acknowledged.push(answer);
        else if (!response || response.status === 201) return;
      }
    };
    const burst = Promise.all(Array.from({ length: 16 }, worker));
    // Kill in the middle of the burst, with requests in flight.
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    server.kill('SIGKILL');
    await burst;
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    server = await start();
    for (const { reference, statusUrl } of acknowledged) {
      const token = new URL(statusUrl, base).searchParams.get('token');
      const status = await fetch(`${base}/api/requests/${reference}/status?token=${token}`);
      expect(status.status, reference).toBe(200);
    }
    server.kill('SIGKILL');
    const store = openSqliteStore(join(data, 'portal.db'), BESIDE_A_SERVER);
    const key = { identities: [identityIn(readFileSync(join(data, 'recovery.key'), 'utf8'))!] };
    for (const { reference } of acknowledged) {
      const row = await store.getRequest(reference);
      expect((await open<{ name: string }>(row!.sealed, key, reference)).name).toBe(validRequest.name);
    }
    store.close();
  }, 120_000);
});
