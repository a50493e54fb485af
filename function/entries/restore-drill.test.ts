// The restore drill: requests filed under load, a backup taken in the middle with the command line, the server killed,
// the backup restored in a new directory: every request acknowledged before the backup is there and opens with the
// key, and a server started on it is ready. The server's own scheduled backup is there too, and counted by /readyz.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { backupsIn } from '../node/backup.ts';
import { BESIDE_A_SERVER, openSqliteStore } from '../store/sqlite.ts';
import { startServer, validRequest } from '../testing.ts';
import { identityIn, open, recipientOf } from '../../shared/crypto/sealed.ts';

const root = mkdtempSync(join(tmpdir(), 'portal-drill-'));
const first = join(root, 'first');
const second = join(root, 'second');
const stops: (() => void)[] = [];
afterAll(() => {
  for (const stop of stops) stop();
  rmSync(root, { recursive: true, force: true });
});

/** The command line as an administrator runs it, to its end; what it printed. */
const officer = (...args: string[]) =>
  new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(process.execPath, ['function/entries/officer-cli.ts', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });

const quiet = { PORTAL_ALTCHA: 'off', PORTAL_RATE_PER_WINDOW: '100000', PORTAL_STATUS_PER_WINDOW: '100000' };

describe('the restore drill', () => {
  it('restores, from a backup taken under load, every request acknowledged before it', async () => {
    const server = await startServer({
      ...quiet,
      PORTAL_DATA: first,
      PORTAL_DIST: first,
      BACKUP_DIR: join(first, 'b'),
    });
    stops.push(server.stop);
    const acknowledged: string[] = [];
    let sending = true;
    let n = 0;
    const worker = async () => {
      while (sending) {
        const i = n++;
        const response = await fetch(`${server.base}/api/requests`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: server.base, 'Idempotency-Key': `drill-key-${i}-x` },
          body: JSON.stringify({ ...validRequest, details: `Demande ${i} envoyée pendant l’exercice.` }),
        }).catch(() => null);
        const answer =
          response?.status === 201 ? ((await response.json().catch(() => null)) as { reference: string }) : null;
        if (answer) acknowledged.push(answer.reference);
        else if (!response) return;
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    for (const end = Date.now() + 60_000; acknowledged.length < 60; await new Promise((r) => setTimeout(r, 20)))
      if (Date.now() > end) throw new Error(`only ${acknowledged.length} filed:\n${server.output()}`);
    const before = [...acknowledged];
    const taken = await officer('backup', '--out', join(first, 'drill.db'), '--db', join(first, 'portal.db'));
    expect(taken, taken.out).toMatchObject({
      code: 0,
      out: expect.stringMatching(/Wrote .*drill\.db \(checked: \d+ requests/),
    });
    // Filings went on during the copy; the server is then killed with requests in flight.
    const during = acknowledged.length;
    server.stop();
    sending = false;
    await load;
    expect(during).toBeGreaterThan(before.length);
    expect(backupsIn(join(first, 'b')).length).toBeGreaterThanOrEqual(1);

    const restored = await officer('restore', join(first, 'drill.db'), '--db', join(second, 'portal.db'));
    expect(restored, restored.out).toMatchObject({ code: 0, out: expect.stringMatching(/Restored .* requests/) });
    const identity = identityIn(readFileSync(join(first, 'recovery.key'), 'utf8'))!;
    const store = openSqliteStore(join(second, 'portal.db'), BESIDE_A_SERVER);
    for (const reference of before) {
      const request = await store.getRequest(reference);
      expect(request, reference).not.toBeNull();
      const personal = await open<{ name: string }>(request!.sealed, { identities: [identity] }, reference);
      expect(personal.name).toBe(validRequest.name);
    }
    store.close();

    // A server on the restored database, with the same recovery key, is ready.
    const again = await startServer({
      ...quiet,
      PORTAL_DATA: second,
      PORTAL_DIST: second,
      BACKUP_DIR: join(second, 'b'),
      RECOVERY_PUBLIC_KEY: await recipientOf(identity),
    });
    stops.push(again.stop);
    // Ready as a monitor finds it: asked again past the answer's two seconds of freshness while the first backup and
    // the probe's write finish on a busy machine.
    const body = await vi.waitFor(
      async () => {
        const ready = await fetch(`${again.base}/readyz`);
        const answer = (await ready.json()) as { status: string; checks: Record<string, { ok: boolean }> };
        expect({ code: ready.status, status: answer.status }, JSON.stringify(answer.checks)).toEqual({
          code: 200,
          status: 'ready',
        });
        return answer;
      },
      { timeout: 30_000, interval: 2_100 },
    );
    expect(body.checks['backup']).toMatchObject({ ok: true, lastHours: 0 });
    again.stop();
  }, 120_000);
});
