// The audit log's hash chain: chained in order on both stores, verified from the first entry, broken where someone
// with the file changed, removed or inserted an entry; a past rewritten consistently no longer matches the head that
// went out; and the database accepts no change to an entry but its hash, set once.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { chainAudit, entryHash, headText, verifyAudit } from './audit-chain.ts';
import { d1Store } from '../store/d1.ts';
import type { AuditEntry, Store } from '../store/contract.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { d1ForTests } from '../testing.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-chain-'));
const files = { n: 0, next: () => join(dir, `chain${files.n++}.db`) };
/** workerd started once for the file's D1 tests, and stopped with the rest. */
const workerd = d1ForTests();
afterAll(async () => {
  await (await workerd).dispose();
  rmSync(dir, { recursive: true, force: true });
});

const entry = (i: number): AuditEntry => ({
  at: `2026-12-0${1 + (i % 7)}T10:00:00.000Z`,
  reference: i % 3 ? `2026-AAAA-${String(1000 + i)}` : null,
  action: i % 2 ? 'status:in-progress' : 'officer:signin',
  operator: 'Ana',
  detail: i % 5 ? null : `note:${i}`,
});

describe.each([
  ['node:sqlite', async () => openSqliteStore(files.next()) as Store],
  ['D1', async () => d1Store((await workerd).db)],
])('the audit chain on %s', (_name, make) => {
  it('chains every entry in order, once, and holds from the first to the head', async () => {
    const store = await make();
    const before = await verifyAudit(store);
    for (let i = 0; i < 30; i++) await store.appendAudit(entry(i));
    expect(await chainAudit(store)).toBe(30 + before.pending);
    expect(await chainAudit(store)).toBe(0);
    await store.appendAudit(entry(30));
    const pending = await verifyAudit(store);
    expect(pending).toMatchObject({ brokenAt: null, pending: 1 });
    expect(await chainAudit(store)).toBe(1);
    const report = await verifyAudit(store);
    expect(report).toMatchObject({ brokenAt: null, pending: 0, entries: before.entries + 31 });
    const [last] = await store.auditAfter(report.head!.id - 1, 1);
    expect(last).toMatchObject({ ...entry(30), hash: report.head!.hash });
    // Two chainers at once agree: the second finds nothing left, or the same hashes.
    await store.appendAudit(entry(31));
    const [a, b] = await Promise.all([chainAudit(store), chainAudit(store)]);
    expect(a + b).toBe(1);
    expect((await verifyAudit(store)).brokenAt).toBeNull();
  });
});

describe('tampering with the file', () => {
  async function chainedFile(count: number) {
    const path = files.next();
    const store = openSqliteStore(path);
    for (let i = 0; i < count; i++) await store.appendAudit(entry(i));
    await chainAudit(store);
    const head = (await verifyAudit(store)).head!;
    store.close();
    return { path, head };
  }
  /** What someone with the file can do: drop the triggers, then write what they like. */
  const raw = (path: string) => {
    const db = new DatabaseSync(path);
    db.exec('DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;');
    return db;
  };
  const verified = async (path: string) => {
    const store = openSqliteStore(path);
    try {
      return await verifyAudit(store);
    } finally {
      store.close();
    }
  };

  it('is refused by the database while its guard stands: no change, no deletion, a hash set once', async () => {
    const { path } = await chainedFile(3);
    const db = new DatabaseSync(path);
    expect(() => db.exec("UPDATE audit SET detail = 'x' WHERE id = 2")).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit SET hash = 'x' WHERE id = 2")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit WHERE id = 2')).toThrow(/append-only/);
    db.close();
  });

  it('breaks the chain where an entry was changed, removed or inserted', async () => {
    const changed = await chainedFile(10);
    raw(changed.path).exec("UPDATE audit SET operator = 'Someone else' WHERE id = 4");
    expect((await verified(changed.path)).brokenAt).toMatchObject({ id: 4 });

    const removed = await chainedFile(10);
    raw(removed.path).exec('DELETE FROM audit WHERE id = 6');
    expect((await verified(removed.path)).brokenAt).toMatchObject({ id: 7 });

    const first = await chainedFile(10);
    raw(first.path).exec('DELETE FROM audit WHERE id = 1');
    expect((await verified(first.path)).brokenAt).toMatchObject({ id: 2 });

    const inserted = await chainedFile(10);
    const db = raw(inserted.path);
    const [row] = db.prepare('SELECT hash FROM audit WHERE id = 10').all() as { hash: string }[];
    db.prepare(
      "INSERT INTO audit (id, at, reference, action, operator, detail, hash) VALUES (11, '2026-12-09', NULL, 'x', 'y', NULL, ?)",
    ).run(row!.hash);
    expect((await verified(inserted.path)).brokenAt).toMatchObject({ id: 11 });
  });

  it('rewritten consistently (every later hash recomputed), no longer matches the head that went out', async () => {
    const { path, head } = await chainedFile(12);
    const db = raw(path);
    db.exec("UPDATE audit SET operator = 'Someone else' WHERE id = 5");
    // The attacker recomputes the chain from the changed entry on, as this code would.
    let previous = String((db.prepare('SELECT hash FROM audit WHERE id = 4').get() as { hash: string }).hash);
    for (const row of db.prepare('SELECT * FROM audit WHERE id >= 5 ORDER BY id').all()) {
      const e = { ...(row as unknown as AuditEntry), id: Number(row['id']), hash: null };
      previous = await entryHash(previous, e);
      db.prepare('UPDATE audit SET hash = ? WHERE id = ?').run(previous, e.id);
    }
    db.close();
    const report = await verified(path);
    expect(report.brokenAt).toBeNull();
    expect(report.head!.id).toBe(head.id);
    expect(report.head!.hash).not.toBe(head.hash);
    // The command line compares with the head the digest or a backup gave, and says so in words.
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['function/entries/officer-cli.ts', 'audit', '--verify', '--db', path, ...args], {
        cwd: new URL('../..', import.meta.url).pathname,
        encoding: 'utf8',
      });
    const refused = cli('--head', headText(head));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /^Entry #12 has #12 [0-9a-f]{16} here, not the [0-9a-f]{16} you kept: the log was rewritten/,
    );
    const holds = cli('--head', headText(report.head));
    expect(holds.status, holds.stderr).toBe(0);
    expect(holds.stdout).toMatch(/^The audit log's chain holds: 12 entries, head #12 [0-9a-f]{16}; it matches/);
  });

  it('says where it breaks from the command line, in one line', async () => {
    const { path } = await chainedFile(5);
    raw(path).exec("UPDATE audit SET action = 'purged' WHERE id = 3");
    const run = spawnSync(process.execPath, ['function/entries/officer-cli.ts', 'audit', '--verify', '--db', path], {
      cwd: new URL('../..', import.meta.url).pathname,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^The audit log's chain breaks at entry #3 \(2026-12-03T10:00:00\.000Z, purged\)/,
    );
  });
});
