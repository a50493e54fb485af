// Nothing personal in clear at rest: a filing's canary values (name, address, details, status token) are looked for,
// byte for byte, in the database, its journal and a backup, while the messages wait for a mail server that is down,
// and again once they are delivered. The Node entry runs as `npm start` runs it, in a child process.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, until, validRequest } from '../testing.ts';
import { testSmtp } from './testing.ts';

const data = mkdtempSync(join(tmpdir(), 'portal-canary-'));
const stops: (() => unknown)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
  rmSync(data, { recursive: true, force: true });
});

/** Every canary found in the database file, its WAL journal and a fresh backup, as `file: canary` lines. */
async function found(canaries: string[]): Promise<string[]> {
  const db = join(data, 'portal.db');
  const copy = join(data, `backup-${Date.now()}.db`);
  const source = new DatabaseSync(db, { readOnly: true, timeout: 10_000 });
  await backup(source, copy);
  source.close();
  const hits: string[] = [];
  for (const file of [db, `${db}-wal`, copy]) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    for (const canary of canaries) if (bytes.includes(Buffer.from(canary, 'utf8'))) hits.push(`${file}: ${canary}`);
  }
  return hits;
}

describe('a filing at rest', () => {
  it('leaves no name, address, details or status token in clear in the database, its journal or a backup', async () => {
    const good = await testSmtp();
    stops.push(good.close);
    const port = await freePort();
    const env = (smtp: string) => ({
      PORTAL_DATA: data,
      PORTAL_DIST: data,
      PORTAL_ALTCHA: 'off',
      SMTP_URL: smtp,
      MAIL_FROM: 'Portail <portail@portal.test>',
      OUTBOX_EVERY_MS: '200',
      OUTBOX_BASE_DELAY_MS: '100',
      SMTP_TIMEOUT_MS: '2000',
    });
    // The mail server is down: the receipt waits in the outbox, with the address and the status link.
    const down = await startServer(env('smtp://127.0.0.1:9'), port);
    stops.push(down.stop);
    const base = `http://127.0.0.1:${port}`;
    const canary = {
      ...validRequest,
      name: 'Canari Quaternaire',
      email: 'canari.quaternaire@example.org',
      details: 'CANARI-7Q4Z : je souhaite obtenir une copie de mon dossier.',
    };
    const filed = await fetch(`${base}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(canary),
    });
    expect(filed.status).toBe(201);
    const { statusUrl } = (await filed.json()) as { statusUrl: string };
    const token = new URL(statusUrl, base).searchParams.get('token')!;
    const canaries = [canary.name, canary.email, 'CANARI-7Q4Z', token];
    const pending = () =>
      new DatabaseSync(join(data, 'portal.db'), { readOnly: true, timeout: 10_000 })
        .prepare("SELECT COUNT(*) AS n FROM outbox WHERE state = 'pending' AND attempts > 0")
        .get() as { n: number };
    await until(() => pending().n >= 1, 'a failed attempt');
    expect(await found(canaries)).toEqual([]);
    down.stop();
    // The mail server is back: the messages leave, and still nothing is left in clear.
    const up = await startServer(env(good.url), port);
    stops.push(up.stop);
    await until(() => good.received.some((m) => m.to.includes(canary.email)), 'the receipt');
    expect(good.received.find((m) => m.to.includes(canary.email))!.raw).toContain(token);
    expect(await found(canaries)).toEqual([]);
  }, 60_000);
});
