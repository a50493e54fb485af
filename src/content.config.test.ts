// Bad content stops the real build: `astro sync` on a scratch content folder, checked for the file and field it names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function version(fields: Record<string, string>): string {
  const front = {
    document: 'policy',
    lang: 'fr',
    title: 'Politique',
    effective: '2024-01-01',
    published: '2024-01-01',
    summary: 'Texte.',
    ...fields,
  };
  return `---\n${Object.entries(front)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n---\n\n## 1. Titre\n\nTexte.\n`;
}

/** Runs `astro sync` against a content folder made of these files; returns its exit status and all it printed. */
function sync(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-content-'));
  scratch.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    // Astro's content cache keys entries by content: text unique to this run keeps an earlier run's paths out.
    writeFileSync(join(dir, path), `${text}\n${dir}\n`);
  }
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
    cwd: root,
    env: { ...process.env, PORTAL_CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('content checks in the build', () => {
  it('accepts a consistent collection', () => {
    const result = sync({
      'policy/fr/1.0.mdx': version({ version: "'1.0'" }),
      'policy/en/1.0.mdx': version({ version: "'1.0'", lang: 'en', translationOf: 'policy/fr/1.0' }),
    });
    expect(result.output).not.toMatch(/error/i);
    expect(result.status, result.output).toBe(0);
  }, 60_000);

  it('names the file and the field of invalid front matter', () => {
    const result = sync({ 'policy/fr/1.0.mdx': version({ version: "'1.0'", summary: '', effective: "'2024-13-01'" }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('policy/fr/1.0.mdx');
    expect(result.output).toContain('summary: is required: say what changed');
    expect(result.output).toContain('effective: must be a date written YYYY-MM-DD (got "2024-13-01")');
  }, 60_000);

  it('names an impossible date that YAML would silently move', () => {
    const result = sync({
      'policy/fr/1.0.mdx': version({ version: "'1.0'", effective: '2024-02-30', published: '2024-02-01' }),
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/policy\/fr\/1\.0\.mdx: effective must be a real date: "2024-02-30" does not exist/);
  }, 60_000);

  it('names the files and fields of inconsistent versions', () => {
    const result = sync({
      'policy/fr/1.0.mdx': version({ version: "'1.0'" }),
      'policy/fr/1.1.mdx': version({ version: "'1.1'" }),
      'policy/en/1.0.mdx': version({ version: "'1.0'", lang: 'en', translationOf: 'policy/fr/9.9' }),
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /policy\/fr\/1\.1\.mdx: effective 2024-01-01 is also the effective date of version 1\.0/,
    );
    expect(result.output).toMatch(
      /policy\/en\/1\.0\.mdx: translationOf points to "policy\/fr\/9\.9", which does not exist/,
    );
  }, 60_000);
});
