// Upgrades: a database as release 0.1.0 left it (its schema, its rows, built here by today's code) is brought up to
// date at start after a copy, in one transaction, and every request in it still opens; a newer one is refused.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBackup } from '../node/backup.ts';
import { showRequest } from '../domain/officer.ts';
import { SCHEMA } from './contract.ts';
import { MIGRATIONS, openSqliteStore } from './sqlite.ts';
import { formerRequest, validReceipt } from '../testing.ts';
import { consentOverview, overviewFrom } from '../domain/consent-overview.ts';
import { importLegacyKey } from '../../shared/crypto/legacy.ts';
import { newIdentity, seal } from '../../shared/crypto/sealed.ts';
import { validRequest } from '../../shared/request-fixture.ts';

/** Release 0.1.0 (2026-11-24) shipped these migrations, exactly so: a released migration is never edited. */
const RELEASED = {
  '0001_init.sql': 'db82c7cc8d4644ab',
  '0002_idempotency_binding.sql': '853437c42af02a34',
  '0003_officer_access.sql': 'c91b40f9815a54af',
  '0004_officer_key.sql': 'f60fbd855b0095e2',
  '0005_outbox.sql': 'e7c63f266bdddaca',
  '0006_confirmation_derived.sql': 'ea7603559ea2ef71',
};
const LAST_RELEASED = '0006_confirmation_derived.sql';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A database of release 0.1.0: its schema only, and rows written as that release wrote them (plain SQL of its
 * columns): the request sealed the former way (v1) with its note inline in the log, and requests sealed with age.
 */
async function releasedDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'portal-upgrade-'));
  dirs.push(dir);
  const path = join(dir, 'portal.db');
  openSqliteStore(path, { schemaUpTo: LAST_RELEASED }).close();
  const recovery = await newIdentity();
  const db = new DatabaseSync(path);
  const at = '2026-11-20T15:00:00.000Z';
  const due = '2026-12-20T15:00:00.000Z';
  const insert = db.prepare(
    'INSERT INTO requests (reference, type, received_at, due_at, status, status_changed_at, closed_at, token_hash, ' +
      'idempotency_hash, sealed, payload_hash, owner_hash) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, NULL)',
  );
  const audit = db.prepare('INSERT INTO audit (at, reference, action, operator, detail) VALUES (?, ?, ?, ?, ?)');
  const { reference: former, sealed: formerSealed, note } = formerRequest;
  insert.run(former, 'access', at, due, 'identity-verified', at, 'former', 'former-idem', formerSealed);
  audit.run(at, former, 'received', 'requester', 'access');
  audit.run(at, former, 'status:identity-verified', 'Ana', note);
  const references = [former];
  for (const [i, reference] of ['2026-AAAA-2222', '2026-BBBB-3333', '2026-CCCC-4444'].entries()) {
    const sealed = await seal({ ...validRequest, name: `Personne ${i}` }, [recovery.recipient], reference);
    insert.run(reference, 'access', at, due, 'received', at, `t${i}`, `i${i}`, sealed);
    audit.run(at, reference, 'received', 'requester', 'access');
    references.push(reference);
  }
  db.prepare(
    "INSERT INTO outbox (id, kind, reference, recipient, message, created_at, next_at) VALUES ('m1', 'filed', ?, " +
      "NULL, 'v2.sealed', ?, ?)",
  ).run(references[1]!, at, at);
  // Consent receipts as the release filed them: the text alone.
  const receipts = [
    ['2026-11-16T10:00:00.000Z', { statistics: true }],
    ['2026-11-22T23:00:00.000Z', { statistics: true, advertising: true }],
    ['2026-11-23T08:00:00.000Z', {}],
  ].map(([decidedAt, choices]) =>
    JSON.stringify({
      ...validReceipt,
      decidedAt,
      choices: { ...validReceipt.choices, statistics: false, ...(choices as object) },
    }),
  );
  const file = db.prepare('INSERT INTO consent_receipts (received_at, receipt) VALUES (?, ?)');
  for (const receipt of receipts) file.run(at, receipt);
  db.close();
  const keys = { identities: [recovery.identity], legacy: await importLegacyKey(formerRequest.privateKey) };
  return { dir, path, references, keys, receipts };
}

describe('upgrades', () => {
  it('never edits a released migration, and the schema readiness expects is the last one shipped', () => {
    for (const name of Object.keys(RELEASED)) expect(MIGRATIONS).toContain(name);
    const hashes = Object.fromEntries(
      Object.keys(RELEASED).map((name) => [
        name,
        createHash('sha256')
          .update(readFileSync(new URL(`./migrations/${name}`, import.meta.url)))
          .digest('hex')
          .slice(0, 16),
      ]),
    );
    expect(hashes).toEqual(RELEASED);
    expect(SCHEMA).toBe(MIGRATIONS.at(-1));
  });

  it('brings a database of the last release up to date after a copy, and every request in it still opens', async () => {
    const { dir, path, references, keys, receipts } = await releasedDatabase();
    const store = openSqliteStore(path);
    expect(await store.schemaOf()).toBe(SCHEMA);
    // The officer's overview now comes from counters: the upgrade counted the receipts already there.
    expect(overviewFrom(await store.consentWeeks())).toEqual(consentOverview(receipts));
    // The copy taken before: the release's schema, its requests.
    const copies = readdirSync(dir).filter((f) => f.startsWith('portal.db.before-'));
    expect(copies).toHaveLength(1);
    expect(checkBackup(join(dir, copies[0]!))).toMatchObject({ schema: LAST_RELEASED, requests: 4, current: false });
    for (const reference of references) {
      const shown = await showRequest(store, reference, keys);
      expect(shown.personal.name).toMatch(/\w/);
    }
    const former = await showRequest(store, formerRequest.reference, keys);
    expect(former.personal.name).toBe(formerRequest.personal.name);
    expect(former.audit.find((a) => a.action === 'status:identity-verified')?.detail).toBe('Note scellée au format v1');
    expect(await store.listUndelivered()).toEqual([]);
    store.close();
    // Up to date: the next start takes no copy.
    openSqliteStore(path).close();
    expect(readdirSync(dir).filter((f) => f.startsWith('portal.db.before-'))).toHaveLength(1);
  });

  it('leaves the database as it was when one migration of the upgrade fails', async () => {
    const { path } = await releasedDatabase();
    const db = new DatabaseSync(path);
    // A table in the way of the last migration: the ones before it must not stay applied either.
    db.exec('CREATE TABLE health (anything TEXT)');
    db.close();
    expect(() => openSqliteStore(path)).toThrow(/health/);
    const after = new DatabaseSync(path);
    const names = (after.prepare('SELECT name FROM migrations ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(names.at(-1)).toBe(LAST_RELEASED);
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'officer_keys'").get()).toBeUndefined();
    after.close();
  });

  it('refuses, in words, a database written by a newer version, and changes nothing in it', async () => {
    const { path } = await releasedDatabase();
    openSqliteStore(path).close();
    const db = new DatabaseSync(path);
    db.exec("INSERT INTO migrations (name, applied_at) VALUES ('9999_later.sql', '2027-06-01T00:00:00Z')");
    db.close();
    const before = readFileSync(path);
    expect(() => openSqliteStore(path)).toThrow(
      /written by a newer version of the portal \(its schema has 9999_later\.sql.*restore a backup made by this one/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.before-9999`)).toBe(false);
  });
});
