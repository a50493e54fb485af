// Every test that opens the database beside a running server (a child process, or Playwright's web server) waits for
// its lock as a second tool would: a clean checkout's `npm test` once failed on `database is locked` under load.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() && e.name !== 'node_modules' ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
/** Tests beside a server: they start one, or run in Playwright against its web server (tests/*.spec.ts). */
const besideAServer = [...files('function'), ...files('tests')].filter(
  (f) =>
    /\.(test|spec)\.ts$/.test(f) &&
    (f.endsWith('.spec.ts') || /startServer\(/.test(readFileSync(join(root, f), 'utf8'))),
);

describe('tests beside a running server', () => {
  it('are found (the check below checks something)', () => {
    expect(besideAServer).toEqual(expect.arrayContaining(['function/entries/crash.test.ts', 'tests/officer.spec.ts']));
  });

  it('open the database waiting for its lock: a timeout for SQLite, the second tool’s budget for the store', () => {
    for (const file of besideAServer) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const [call] of text.matchAll(/new DatabaseSync\([^;]*?\)\s*[;)]/g))
        expect(call, `${file}: ${call}`).toMatch(/timeout: \d/);
      for (const [call] of text.matchAll(/openSqliteStore\([^;]*?\)\s*[;)]/g))
        expect(call, `${file}: ${call}`).toMatch(/BESIDE_A_SERVER|busyBudgetMs: \d{5}/);
      // The command line, the other tool they run beside it, waits the same (function/entries/officer-cli.ts).
    }
    const cli = readFileSync(join(root, 'function/entries/officer-cli.ts'), 'utf8');
    for (const [call] of cli.matchAll(/openSqliteStore\((?:[^()]|\([^()]*\))*\)/g))
      expect(call).toMatch(/BESIDE_A_SERVER/);
  });
});
