// The Node entry's outbox through a kill -9: the filing does not wait for a mail server that hangs, and the message
// whose sending was cut short is delivered once after the restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startServer, until, validRequest } from '../testing.ts';
import { testSmtp } from './testing.ts';

const data = mkdtempSync(join(tmpdir(), 'portal-outbox-'));
const stops: (() => unknown)[] = [];
afterAll(async () => {
  for (const stop of stops) await stop();
  rmSync(data, { recursive: true, force: true });
});

describe('the outbox on the Node entry', () => {
  it('files without waiting for a hung mail server, and after kill -9 delivers the message once', async () => {
    const hung = await testSmtp({ hang: true });
    const good = await testSmtp();
    stops.push(hung.close, good.close);
    const port = await freePort();
    const env = (smtp: string) => ({
      PORTAL_DATA: data,
      PORTAL_DIST: data,
      PORTAL_ALTCHA: 'off',
      SMTP_URL: smtp,
      MAIL_FROM: 'Portail <portail@portal.test>',
      // A hung server holds an attempt for a minute: longer than this test takes.
      SMTP_TIMEOUT_MS: '60000',
      OUTBOX_EVERY_MS: '200',
    });
    const first = await startServer(env(hung.url), port);
    stops.push(first.stop);
    const base = `http://127.0.0.1:${port}`;
    const filed = await fetch(`${base}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: base, 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(validRequest),
    });
    expect(filed.status).toBe(201);
    // The message is being sent (the connection is open, unanswered) when the process dies.
    await until(() => hung.connections >= 1, 'the first attempt');
    first.stop();
    await first.exited;
    const second = await startServer(env(good.url), port);
    stops.push(second.stop);
    await good.waitFor(1);
    const db = new DatabaseSync(join(data, 'portal.db'), { readOnly: true, timeout: 10_000 });
    const state = () =>
      db.prepare('SELECT state, recipient, message FROM outbox').all() as { state: string; recipient: unknown }[];
    await until(() => state().every((r) => r.state === 'sent'), 'the outbox marked sent');
    expect(state()).toEqual([{ state: 'sent', recipient: null, message: null }]);
    expect(good.received).toHaveLength(1);
    expect(good.received[0]!.to).toEqual([validRequest.email]);
    db.close();
  });
});
