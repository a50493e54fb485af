// The function when storage fails it: a lock held by another process, a full disk, a read-only database. Real
// faults on a real node:sqlite file, through the app: the server keeps answering and says what happened.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { type SqliteOptions, openSqliteStore } from './sqlite.ts';
import { PORTAL, setup, validRequest } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function onFile(options: SqliteOptions = {}) {
  const path = join(dir, `f${n++}.db`);
  const store = openSqliteStore(path, { busyBudgetMs: 400, ...options });
  return { ...(await setup({ store })), path, store };
}

/** How late a timer fires while `work` runs: the event loop's freedom to answer others. */
async function loopDelayDuring(work: Promise<unknown>) {
  let worst = 0;
  let done = false;
  const probe = (async () => {
    while (!done) {
      const start = performance.now();
      await new Promise((r) => setTimeout(r, 10));
      worst = Math.max(worst, performance.now() - start - 10);
    }
  })();
  await work.finally(() => {
    done = true;
  });
  await probe;
  return worst;
}

describe('a database locked by another process', () => {
  it('keeps answering while a filing waits, then says 503 with Retry-After: nothing filed, nothing frozen', async () => {
    const { path, post, app, lines } = await onFile({ busyBudgetMs: 2_000 });
    const filed = await (await post(validRequest)).json();
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    const waiting = Promise.resolve(post({ ...validRequest, details: 'Déposée pendant que la base est verrouillée.' }));
    // Reads go on meanwhile (WAL): the requester's status page does not wait for the lock.
    const token = new URL(filed.statusUrl, PORTAL).searchParams.get('token');
    expect((await app.request(`${PORTAL}/api/requests/${filed.reference}/status?token=${token}`)).status).toBe(200);
    let response: Response | undefined;
    const delay = await loopDelayDuring(waiting.then((r) => (response = r)));
    // Blocking on the lock would hold the loop for the whole two seconds; yielding leaves it free (slack for a busy
    // machine).
    expect(delay).toBeLessThan(1_000);
    expect(response!.status).toBe(503);
    expect(Number(response!.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await response!.json()).message).toMatch(/occupé.*rien n’a été déposé/);
    expect(lines.some((l) => l['engine'] === 'SQLITE_BUSY' && l['fault'] === 'busy')).toBe(true);
    other.exec('ROLLBACK');
    other.close();
  });

  it('files the request as soon as a short lock is released, within the wait', async () => {
    const { path, post, store } = await onFile({ busyBudgetMs: 3_000 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    const waiting = post(validRequest);
    setTimeout(() => other.exec('COMMIT'), 150);
    expect((await waiting).status).toBe(201);
    expect(await store.listRequests()).toHaveLength(1);
    other.close();
  });

  it('retries only a lock: a real error is answered at once, not tried four times', async () => {
    const { post, lines } = await onFile({ onOpen: (db) => db.exec('PRAGMA query_only = ON') });
    const start = performance.now();
    expect((await post(validRequest)).status).toBe(503);
    expect(performance.now() - start).toBeLessThan(300);
    expect(lines.filter((l) => l['error'])).toHaveLength(1);
  });
});

describe('a database that cannot take writes', () => {
  it('answers 507 when storage is full, with a log line naming the class of error and nothing else', async () => {
    const { post, lines } = await onFileWithCap();
    const response = await post({ ...validRequest, details: 'x'.repeat(4_000) });
    expect(response.status).toBe(507);
    expect((await response.json()).message).toMatch(/espace de stockage plein/);
    expect(lines.find((l) => l['error'])).toEqual(
      expect.objectContaining({ error: 'store', fault: 'full', engine: 'SQLITE_FULL' }),
    );
    expect(JSON.stringify(lines)).not.toContain('Nguy');
  });

  it('answers 503 when the database is read-only, saying nothing was filed', async () => {
    const { post, lines } = await onFile({ onOpen: (db) => db.exec('PRAGMA query_only = ON') });
    const response = await post(validRequest);
    expect(response.status).toBe(503);
    expect(response.headers.get('Retry-After')).toBe('60');
    expect((await response.json()).message).toMatch(/rien n’a été déposé/);
    expect(lines.find((l) => l['error'])).toMatchObject({ fault: 'unavailable', engine: 'SQLITE_READONLY' });
  });
});

describe('the database file', () => {
  it('is private to the server’s user, with its journal', async () => {
    const { path, post } = await onFile();
    await post(validRequest);
    for (const file of [path, `${path}-wal`, `${path}-shm`])
      expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
  });

  it('says which file cannot be opened, and why', () => {
    expect(() => openSqliteStore(join(dir, 'not-a-dir.db', 'portal.db'))).toThrow(
      /Cannot open the database .*not-a-dir\.db\/portal\.db: .*\((ENOENT|ENOTDIR)\)/,
    );
  });
});

/** A working database whose file may not grow past its migrated size: the next large write fills it. */
const onFileWithCap = () =>
  onFile({
    onOpen: (db) =>
      db.exec(
        `PRAGMA max_page_count = ${(db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count}`,
      ),
  });
