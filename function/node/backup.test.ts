// Backups of the Node store: a copy taken while filings go on, checked before anything is replaced, restored into a
// new place, and the server's own copies on a schedule; every refusal in words.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BackupError, backupName, backupsIn, checkBackup, restoreBackup, scheduleBackups } from './backup.ts';
import { MIGRATIONS, openSqliteStore } from '../store/sqlite.ts';
import { setup, validRequest } from '../testing.ts';
import { open } from '../../shared/crypto/sealed.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-backup-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A store in a file with `n` requests filed through the function. */
async function filled(n: number) {
  const dir = fresh();
  const store = openSqliteStore(join(dir, 'portal.db'));
  const t = await setup({ store, limits: { perWindow: 1_000 } });
  const references: string[] = [];
  for (let i = 0; i < n; i++) {
    const answer = await t.post(
      { ...validRequest, details: `Demande numéro ${i}, pour la copie.` },
      { 'Idempotency-Key': `backup-${i}-key` },
    );
    references.push(((await answer.json()) as { reference: string }).reference);
  }
  return { ...t, dir, store, references };
}

describe('a backup', () => {
  it('is a consistent copy taken while filings go on, private to its owner, that opens with the key', async () => {
    const { dir, store, references, post, keys } = await filled(20);
    const out = join(dir, 'copy.db');
    const during = Array.from({ length: 20 }, (_, i) =>
      post({ ...validRequest, details: `Demande pendant la copie, ${i}.` }, { 'Idempotency-Key': `during-${i}-key` }),
    );
    await store.backup(out);
    await Promise.all(during);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const facts = checkBackup(out);
    expect(facts).toMatchObject({ current: true, schema: MIGRATIONS.at(-1) });
    expect(facts.requests).toBeGreaterThanOrEqual(20);
    // One file, nothing beside it: a copy carried elsewhere is whole.
    expect(() => statSync(`${out}-wal`)).toThrow();
    const copy = openSqliteStore(out);
    for (const reference of references) {
      const request = await copy.getRequest(reference);
      expect(await open<{ name: string }>(request!.sealed, keys, reference)).toMatchObject({ name: validRequest.name });
    }
    copy.close();
    store.close();
  });

  it('never replaces a file', async () => {
    const { dir, store } = await filled(1);
    writeFileSync(join(dir, 'taken.db'), 'mine');
    await expect(store.backup(join(dir, 'taken.db'))).rejects.toThrow(/EEXIST/);
    expect(readFileSync(join(dir, 'taken.db'), 'utf8')).toBe('mine');
    store.close();
  });
});

describe('checking a backup', () => {
  it('refuses, in words, what is missing, not a database, damaged, another application’s or a newer version’s', () => {
    const dir = fresh();
    const refusal = (file: string) => {
      try {
        checkBackup(file);
      } catch (error) {
        expect(error).toBeInstanceOf(BackupError);
        return (error as Error).message;
      }
      throw new Error(`${file} was accepted`);
    };
    expect(refusal(join(dir, 'none.db'))).toMatch(/does not exist/);
    writeFileSync(join(dir, 'text.db'), 'not a database at all, only words, and more words to fill a page');
    expect(refusal(join(dir, 'text.db'))).toMatch(/not a database/);
    const other = new DatabaseSync(join(dir, 'other.db'));
    other.exec('CREATE TABLE notes (x TEXT)');
    other.close();
    expect(refusal(join(dir, 'other.db'))).toMatch(/not a backup of this portal/);
    const newer = openSqliteStore(join(dir, 'newer.db'));
    newer.close();
    const raw = new DatabaseSync(join(dir, 'newer.db'));
    raw.exec("INSERT INTO migrations (name, applied_at) VALUES ('9999_from_the_future.sql', '2027-01-01')");
    raw.close();
    expect(refusal(join(dir, 'newer.db'))).toMatch(/newer version of the portal .*9999_from_the_future/);
  });

  it('finds a damaged page', async () => {
    const { dir, store } = await filled(30);
    const out = join(dir, 'copy.db');
    await store.backup(out);
    store.close();
    const bytes = readFileSync(out);
    // Past the first pages (the schema): the requests' pages, overwritten with noise.
    for (let i = 8 * 4096; i < Math.min(bytes.length, 16 * 4096); i++) bytes[i] = (i * 7) % 251;
    writeFileSync(out, bytes);
    expect(() => checkBackup(out)).toThrow(/damaged|not a database/);
  });
});

describe('restoring a backup', () => {
  it('checks it first and replaces nothing when it is refused', async () => {
    const { dir, store } = await filled(2);
    store.close();
    const before = readFileSync(join(dir, 'portal.db'));
    writeFileSync(join(dir, 'junk.db'), 'junk');
    await expect(restoreBackup(join(dir, 'junk.db'), join(dir, 'portal.db'))).rejects.toThrow(BackupError);
    expect(readFileSync(join(dir, 'portal.db')).equals(before)).toBe(true);
  });

  it('puts it in a new place, or over a database whose content it keeps beside', async () => {
    const { dir, store, references } = await filled(5);
    const out = join(dir, 'copy.db');
    await store.backup(out);
    store.close();
    const elsewhere = join(fresh(), 'new', 'portal.db');
    const first = await restoreBackup(out, elsewhere);
    expect(first).toMatchObject({ kept: null, facts: { requests: 5 } });
    expect(statSync(elsewhere).mode & 0o777).toBe(0o600);
    const restored = openSqliteStore(elsewhere);
    expect((await restored.listRequests()).map((r) => r.reference).sort()).toEqual([...references].sort());
    await restored.insertRequest(
      { ...(await restored.getRequest(references[0]!))!, reference: '2026-ZZZZ-ZZZZ', idempotencyHash: 'later' },
      {
        at: '2026-11-23T16:00:00Z',
        reference: '2026-ZZZZ-ZZZZ',
        action: 'received',
        operator: 'requester',
        detail: null,
      },
    );
    restored.close();
    const second = await restoreBackup(out, elsewhere);
    expect(second.kept).toMatch(/before-restore-/);
    expect(checkBackup(second.kept!).requests).toBe(6);
    const again = openSqliteStore(elsewhere);
    expect(await again.getRequest('2026-ZZZZ-ZZZZ')).toBeNull();
    again.close();
  });
});

describe('the server’s scheduled backups', () => {
  it('takes one when the last is older than the period, keeps the last N, and never counts a copy cut short', async () => {
    const { store } = await filled(1);
    const dir = join(fresh(), 'backups');
    const clock = { now: new Date('2026-12-07T03:00:00Z') };
    const lines: Record<string, unknown>[] = [];
    const run = (at: string) => {
      clock.now = new Date(at);
      const schedule = scheduleBackups({
        store,
        dir,
        everyMs: 86_400_000,
        keep: 3,
        clock: () => clock.now,
        log: (l) => lines.push(l),
      });
      return schedule.idle().then(() => schedule);
    };
    (await run('2026-12-07T03:00:00Z')).stop();
    (await run('2026-12-07T09:00:00Z')).stop(); // within the day: none
    expect(backupsIn(dir)).toHaveLength(1);
    writeFileSync(join(dir, `${backupName(new Date('2026-12-08T04:00:00Z'))}.partial`), 'cut short');
    for (const day of ['08', '09', '10', '11']) (await run(`2026-12-${day}T04:00:00Z`)).stop();
    const kept = backupsIn(dir);
    expect(kept.map((b) => b.at.toISOString().slice(0, 10))).toEqual(['2026-12-11', '2026-12-10', '2026-12-09']);
    for (const { file } of kept) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(checkBackup(file).requests).toBe(1);
    }
    expect(lines.filter((l) => l['error'])).toEqual([]);
    const last = await run('2026-12-11T05:00:00Z');
    expect(last.last()?.toISOString()).toBe('2026-12-11T04:00:00.000Z');
    last.stop();
    store.close();
  });

  it('tries a failed backup again within seconds, not a minute later, and then keeps its period', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval'] });
    try {
      const dir = fresh();
      const store = openSqliteStore(join(dir, 'portal.db'));
      let refusals = 1;
      const copy = store.backup.bind(store);
      // The first copy meets a lock, as the start-up's own writes once made it do.
      store.backup = (out, progress) =>
        refusals-- > 0 ? Promise.reject(new Error('database is locked')) : copy(out, progress);
      const lines: Record<string, unknown>[] = [];
      const backups = join(dir, 'backups');
      const schedule = scheduleBackups({
        store,
        dir: backups,
        everyMs: 86_400_000,
        keep: 3,
        clock: () => new Date('2026-12-08T03:00:00Z'),
        log: (l) => lines.push(l),
      });
      await schedule.idle();
      expect(schedule.last()).toBeNull();
      expect(lines).toMatchObject([{ error: 'backup', message: 'database is locked' }]);
      await vi.advanceTimersByTimeAsync(5_000);
      await schedule.idle();
      expect(schedule.last()?.toISOString()).toBe('2026-12-08T03:00:00.000Z');
      expect(backupsIn(backups)).toHaveLength(1);
      schedule.stop();
      store.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
