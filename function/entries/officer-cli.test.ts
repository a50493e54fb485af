// The command line answers like one: usage for help, one line in words for what is wrong, never a stack trace; every
// command has --help.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helpOf } from './officer-commands.ts';
import { openSqliteStore } from '../store/sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'portal-cli-help-'));
const db = join(dir, 'portal.db');
openSqliteStore(db).close();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['function/entries/officer-cli.ts', ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    encoding: 'utf8',
    env: { ...process.env, PORTAL_DB: '' },
  });
const STACK = /\n\s+at |Error:|node:internal/;
const COMMANDS = [
  'recovery-key',
  'invite',
  'token',
  'list',
  'show',
  'status',
  'export',
  'rewrap',
  'audit',
  'purge',
  'scan-record',
];

describe('the command line', () => {
  it('prints the usage for help, and for no command at all', () => {
    for (const run of [cli('help'), cli(), cli('--help')]) {
      expect(run.status).toBe(0);
      for (const command of [...COMMANDS, 'backup', 'restore', 'check-backup']) expect(run.stdout).toContain(command);
    }
  }, 60_000);

  it('gives every command its own --help (and `help COMMAND` the same)', () => {
    // Each command's help as the tool prints it (function/entries/officer-commands.ts), three of them run for real.
    for (const command of [...COMMANDS, 'backup', 'restore', 'check-backup'])
      expect(helpOf(command).split('\n')[0], command).toMatch(new RegExp(`^npm run officer -- ${command}\\b`));
    for (const command of ['backup', 'status', 'audit']) {
      const run = cli(command, '--help');
      expect(run.status, command).toBe(0);
      expect(run.stdout.trim()).toBe(helpOf(command).trim());
      expect(cli('help', command).stdout).toBe(run.stdout);
    }
  }, 120_000);

  it('says in one line what is wrong: an unknown command or option, a missing database or argument', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^Unknown command frobnicate\. npm run officer -- help lists them\.$/],
      [['list', '--frobnicate'], /^Unknown option '--frobnicate'\. npm run officer -- help/],
      [['list', '--db', join(dir, 'none.db')], /^No database at .*none\.db\. Give its place with --db FILE/],
      [['show', '--db', db], /^REF is missing: npm run officer -- show REF --key FILE$/],
      [['backup'], /^--out FILE is missing/],
      [['restore', join(dir, 'none.db'), '--db', join(dir, 'x.db')], /^.*none\.db does not exist\.$/],
      [['check-backup', join(dir, 'none.db')], /does not exist/],
    ];
    for (const [args, said] of cases) {
      const run = cli(...args);
      expect(run.status, args.join(' ')).not.toBe(0);
      expect(run.stderr.trim(), args.join(' ')).toMatch(said);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr, args.join(' ')).not.toMatch(STACK);
    }
  }, 120_000);
});
