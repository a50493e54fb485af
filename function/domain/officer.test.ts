import { afterAll, describe, expect, it } from 'vitest';
import { changeStatus, exportRequest, flagOf, listByDue, purge, showRequest } from './officer.ts';
import { openMessage } from '../mail/outbox-key.ts';
import type { Store } from '../store/contract.ts';
import { setup, storesForTests, testMail, validRequest } from '../testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

async function withRequests(make: () => Promise<Store>, count = 1) {
  const s = await setup({ store: await make() });
  const refs: string[] = [];
  for (let i = 0; i < count; i++)
    refs.push(
      (
        await (
          await s.post(
            { ...validRequest, details: `Demande numéro ${i} pour le test.` },
            { 'X-Test-Client': `192.0.2.${i}` },
          )
        ).json()
      ).reference,
    );
  return { ...s, refs };
}

describe.each(stores.each)('officer tools on %s', (_name, make) => {
  it('lists requests by due date, flagging overdue and due-soon ones', async () => {
    const { store, refs } = await withRequests(make, 1);
    expect((await listByDue(store, new Date('2026-11-24T00:00:00Z')))[0]).toMatchObject({
      reference: refs[0],
      flag: '',
    });
    expect((await listByDue(store, new Date('2026-12-18T00:00:00Z')))[0]!.flag).toBe('due-soon');
    expect((await listByDue(store, new Date('2026-12-24T00:00:00Z')))[0]!.flag).toBe('overdue');
    const request = (await store.listRequests())[0]!;
    expect(flagOf({ ...request, closedAt: '2026-12-01T00:00:00Z' }, new Date('2027-01-01'))).toBe('');
  });

  it('opens a request with the private key, notes included', async () => {
    const { store, refs, keys } = await withRequests(make);
    await changeStatus(store, {
      reference: refs[0]!,
      status: 'identity-verified',
      note: 'Pièce d’identité vue le 24 nov.',
      operator: 'a.tremblay',
      now: new Date('2026-11-24T10:00:00Z'),
    });
    const shown = await showRequest(store, refs[0]!, keys);
    expect(shown.personal).toMatchObject({ name: validRequest.name, email: validRequest.email });
    expect(shown.audit.map((a) => [a.action, a.operator, a.detail])).toEqual([
      ['received', 'requester', 'access'],
      ['status:identity-verified', 'a.tremblay', 'Pièce d’identité vue le 24 nov.'],
    ]);
    // In the store, the note is sealed.
    expect(JSON.stringify(await store.listAudit())).not.toContain('Pièce');
  });

  it('follows the allowed transitions and refuses others with an explanation', async () => {
    const { store, refs } = await withRequests(make);
    const at = (d: string) => new Date(`2026-11-${d}T10:00:00Z`);
    await expect(
      changeStatus(store, { reference: refs[0]!, status: 'completed', operator: 'o', now: at('24') }),
    ).rejects.toThrow('is received; it can go to identity-verified, refused, withdrawn, not completed');
    await changeStatus(store, {
      reference: refs[0]!,
      status: 'identity-verified',
      operator: 'o',
      now: at('24'),
    });
    await changeStatus(store, { reference: refs[0]!, status: 'in-progress', operator: 'o', now: at('25') });
    await changeStatus(store, { reference: refs[0]!, status: 'completed', operator: 'o', now: at('26') });
    expect(await store.getRequest(refs[0]!)).toMatchObject({ status: 'completed', closedAt: at('26').toISOString() });
    await expect(
      changeStatus(store, { reference: refs[0]!, status: 'in-progress', operator: 'o', now: at('27') }),
    ).rejects.toThrow('no other state (closed)');
    await expect(
      changeStatus(store, { reference: 'NOPE', status: 'in-progress', operator: 'o', now: at('27') }),
    ).rejects.toThrow('No request NOPE');
  });

  it('exports a portability package as JSON and CSV, safe for spreadsheets, and logs the export', async () => {
    const s = await setup({ store: await make() });
    const { reference } = await (
      await s.post({ ...validRequest, name: '=HYPERLINK("x")', details: 'Ligne, avec "guillemets"\net retour.' })
    ).json();
    const json = JSON.parse(await exportRequest(s.store, reference, s.keys, 'json', 'o', new Date('2026-11-24')));
    expect(json).toMatchObject({ format: 'citim-privacy-request', request: { reference, email: validRequest.email } });
    const csv = await exportRequest(s.store, reference, s.keys, 'csv', 'o', new Date('2026-11-24'));
    expect(csv.split('\r\n')[0]).toBe(
      'reference,type,status,receivedAt,dueAt,' +
        'name,email,phone,fileNumber,relation,language,replyFormat,capacity,details',
    );
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(csv).toContain('"Ligne, avec ""guillemets""\net retour."');
    expect((await s.store.listAudit(reference)).map((a) => a.action)).toEqual([
      'received',
      'export:json',
      'export:csv',
    ]);
  });

  it('purges closed requests past six years, refuses earlier deletion, and keeps the audit trail', async () => {
    const { store, refs } = await withRequests(make, 3);
    const closeAt = (ref: string, when: string) =>
      changeStatus(store, { reference: ref, status: 'withdrawn', operator: 'o', now: new Date(when) });
    await closeAt(refs[0]!, '2026-11-25T00:00:00Z');
    await closeAt(refs[1]!, '2026-11-25T00:00:00Z');
    const later = new Date('2032-12-01T00:00:00Z');
    const soon = new Date('2031-01-01T00:00:00Z');
    // Where the store has a retention view, the purge chooses from it: no request is read whole, sealed fields and all.
    const viewOnly = { ...store, listRequests: () => Promise.reject(new Error('read every request')) };
    expect((await purge(viewOnly, { now: later, retentionYears: 6, operator: 'o', dryRun: true })).sort()).toEqual(
      [refs[0], refs[1]].sort(),
    );
    await expect(purge(store, { now: soon, retentionYears: 6, operator: 'o', references: [refs[0]!] })).rejects.toThrow(
      'closed less than 6 years ago (policy §10)',
    );
    await expect(
      purge(store, { now: later, retentionYears: 6, operator: 'o', references: [refs[2]!] }),
    ).rejects.toThrow(`Not deleted: ${refs[2]}`);
    expect(await purge(store, { now: later, retentionYears: 6, operator: 'o', dryRun: true })).toHaveLength(2);
    expect(await store.listRequests()).toHaveLength(3);
    expect((await purge(store, { now: later, retentionYears: 6, operator: 'o' })).sort()).toEqual(
      [refs[0], refs[1]].sort(),
    );
    expect((await store.listRequests()).map((r) => r.reference)).toEqual([refs[2]]);
    expect((await store.listAudit()).filter((a) => a.action === 'purged')).toHaveLength(2);
  });
});

describe('officer tools from the command line', () => {
  it('refuses on the command line a retention period under six years, as the API does', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'portal-cli-'));
    const { openSqliteStore } = await import('../store/sqlite.ts');
    openSqliteStore(join(dir, 'portal.db')).close();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, ['function/entries/officer-cli.ts', ...args, '--db', join(dir, 'portal.db')], {
        cwd: new URL('../..', import.meta.url).pathname,
        encoding: 'utf8',
      });
    const early = cli('purge', '--retention-years', '1', '--dry-run');
    expect(early.status).toBe(1);
    expect(early.stderr).toMatch(/at least 6 years \(policy §10\): 1 is refused/);
    expect(cli('purge', '--retention-years', '7', '--dry-run').stdout).toMatch(/Nothing to delete/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('e-mails the requester from the command line with --notify, the address decrypted there', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { openSqliteStore } = await import('../store/sqlite.ts');
    const dir = mkdtempSync(join(tmpdir(), 'portal-cli-'));
    const db = join(dir, 'portal.db');
    const s = await setup({ store: openSqliteStore(db) });
    const { reference } = (await (await s.post({ ...validRequest, language: 'en' })).json()) as { reference: string };
    writeFileSync(join(dir, 'recovery.key'), `${s.recovery.identity}\n`);
    const run = spawnSync(
      process.execPath,
      [
        'function/entries/officer-cli.ts',
        'status',
        reference,
        'identity-verified',
        '--notify',
        '--key',
        join(dir, 'recovery.key'),
        '--db',
        db,
      ],
      // The CLI seals the message for the server's outbox: it reads the server's secret, as on the server's machine.
      {
        cwd: new URL('../..', import.meta.url).pathname,
        encoding: 'utf8',
        env: { ...process.env, PORTAL_SECRET: s.secret },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`${validRequest.email} will be told by e-mail`);
    const [sealed] = await openSqliteStore(db).claimMessages('9999', '9999', 10);
    expect(sealed).toMatchObject({ recipient: '', sealed: expect.stringMatching(/^v2\./) });
    const message = await openMessage(sealed!, s.secret);
    expect(message).toMatchObject({ recipient: validRequest.email, data: { lang: 'en', status: 'identity-verified' } });
    const { render } = await import('../mail/compose.ts');
    expect(render(await testMail(), message).subject).toBe(`Your request ${reference}: Identity verified`);
    rmSync(dir, { recursive: true, force: true });
  });
});
