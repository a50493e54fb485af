// Backups of the Node store: a copy checked before it replaces anything, its restore, and the server's own copies
// on a schedule (BACKUP_DIR). Workers deployments use D1's own tools instead (docs/administrator.md).
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import { chainAudit, headText } from '../domain/audit-chain.ts';
import { appliedMigrations, MIGRATIONS, newerSchema, type SqliteStore, snapshotInto } from '../store/sqlite.ts';
import { SQL, toChainLink } from '../store/contract.ts';

/** A backup that cannot be used, said in words. */
export class BackupError extends Error {}

/** What a checked backup holds: its schema (the last migration), and how many requests and audit entries. */
export interface BackupFacts {
  schema: string;
  current: boolean;
  requests: number;
  audit: number;
  /** The audit log's chain head in the backup (`#id hash…`), to compare with the officers' digests. */
  head: string;
}

/** Checks a backup without changing it: SQLite's integrity check, and a schema this version of the portal knows. */
export function checkBackup(file: string): BackupFacts {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  let db: DatabaseSync;
  try {
    db = new DatabaseSync(file, { readOnly: true });
  } catch {
    throw new BackupError(`${file} cannot be opened as a database.`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
    } catch {
      throw new BackupError(`${file} is not a database (or not one of this portal's).`);
    }
    if (problems[0] !== 'ok') throw new BackupError(`${file} is damaged: ${problems.slice(0, 3).join('; ')}.`);
    const applied = appliedMigrations(db);
    if (!applied.length || !applied.includes(MIGRATIONS[0]!))
      throw new BackupError(`${file} is a database, but not a backup of this portal (no schema of its own).`);
    const newer = newerSchema(applied);
    if (newer) throw new BackupError(newer.replace('This database', file));
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const schema = applied.at(-1)!;
    const chained = applied.includes('0011_audit_chain.sql') ? toChainLink(db.prepare(SQL.lastChained).get()) : null;
    return {
      schema,
      current: schema === MIGRATIONS.at(-1),
      requests: count('requests'),
      audit: count('audit'),
      head: headText(chained),
    };
  } finally {
    db.close();
  }
}

/**
 * Puts a checked backup in place of the database at `target` (which the server must not be using: stop it first).
 * What `target` held is kept beside it first (`…before-restore-…`), so a restore is itself undone by another. The
 * copy goes through SQLite's backup, page by page, so the database's journal stays consistent with it; the next start
 * brings an older schema up to date (after its own copy).
 */
export async function restoreBackup(
  file: string,
  target: string,
  progress?: (done: number, total: number) => void,
): Promise<{ facts: BackupFacts; kept: string | null }> {
  const facts = checkBackup(file);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  let kept: string | null = null;
  if (existsSync(target) && statSync(target).size > 0) {
    kept = `${target}.before-restore-${Date.now()}`;
    const current = new DatabaseSync(target);
    try {
      current.exec('PRAGMA busy_timeout = 5000');
      snapshotInto(current, kept);
    } finally {
      current.close();
    }
  }
  const source = new DatabaseSync(file, { readOnly: true });
  try {
    await backup(source, target, {
      rate: 100,
      progress: ({ totalPages, remainingPages }) => progress?.(totalPages - remainingPages, totalPages),
    });
  } finally {
    source.close();
  }
  chmodSync(target, 0o600);
  const restored = checkBackup(target);
  if (restored.requests !== facts.requests)
    throw new BackupError(`${target} holds ${restored.requests} requests after the restore, not ${facts.requests}.`);
  return { facts, kept };
}

const NAME = /^portal-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ)\.db$/;
/** A backup's file name for its moment, sortable: portal-2026-12-07T03-00-00Z.db. */
export const backupName = (at: Date) => `portal-${at.toISOString().slice(0, 19).replaceAll(':', '-')}Z.db`;

/** The server's backups in `dir`, newest first. */
export function backupsIn(dir: string): { file: string; at: Date }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((f) => f.match)
    .map(({ name, match }) => {
      const [day, time] = match![1]!.split('T');
      return { file: join(dir, name), at: new Date(`${day}T${time!.replaceAll('-', ':')}`) };
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

export interface Schedule {
  store: SqliteStore;
  dir: string;
  everyMs: number;
  keep: number;
  clock: () => Date;
  log: (line: Record<string, unknown>) => void;
}

/**
 * The server's own backups: one when the newest in `dir` is older than `everyMs` (at start too), checked, then the
 * oldest beyond `keep` deleted. `last()` is the moment of the last good one, for /readyz.
 */
export function scheduleBackups({ store, dir, everyMs, keep, clock, log }: Schedule) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(dir)) if (name.endsWith('.db.partial')) unlinkSync(join(dir, name));
  let last: Date | null = backupsIn(dir)[0]?.at ?? null;
  let running: Promise<void> | null = null;
  // A failed backup is tried again soon, then less often (5 s, 10 s, … a minute): a moment's lock (the start-up's own
  // writes meeting the copy's first steps) must not leave the server without a backup, and not ready, for a minute.
  let failures = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const take = async () => {
    const at = clock();
    const file = join(dir, backupName(at));
    // Written under another name until checked: a copy cut short (the process killed) is never taken for a backup.
    const partial = `${file}.partial`;
    try {
      // Chained up to now, so that the backup carries the log's head (and the log line says which).
      await chainAudit(store);
      await store.backup(partial);
      const facts = checkBackup(partial);
      renameSync(partial, file);
      last = at;
      for (const old of backupsIn(dir).slice(keep)) unlinkSync(old.file);
      log({ at: at.toISOString(), backup: file, requests: facts.requests, auditHead: facts.head });
      failures = 0;
    } catch (error) {
      log({ at: at.toISOString(), error: 'backup', message: (error as Error).message.split('\n')[0] });
      if (existsSync(partial)) unlinkSync(partial);
      failures++;
      if (!stopped) {
        retry = setTimeout(tick, Math.min(60_000, 5_000 * 2 ** (failures - 1)));
        retry.unref();
      }
    }
  };
  function tick() {
    if (running || (last && clock().getTime() - last.getTime() < everyMs)) return;
    running = take().finally(() => {
      running = null;
    });
  }
  tick();
  // Looked at every minute (or sooner for short periods): a clock change or a sleeping machine only delays one.
  const timer = setInterval(tick, Math.min(60_000, everyMs));
  timer.unref();
  return {
    last: () => last,
    /** The backup being taken, if any (a test, or a stop that waits for it). */
    idle: () => running ?? Promise.resolve(),
    stop: () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(retry);
    },
  };
}
