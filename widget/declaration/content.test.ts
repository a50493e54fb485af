// The cookie declaration as content: read, checked, its revisions kept, a change without a raised revision refused.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changesBetween } from './changes.ts';
import { DeclarationError, declarationDir, keepRevision, parseDeclaration, readDeclarations } from './content.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'declaration-'));
  cpSync(declarationDir(), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, 'declaration.yaml');
const edit = (change: (text: string) => string) => writeFileSync(file(), change(readFileSync(file(), 'utf8')));
const problems = (read: () => unknown): string[] => {
  try {
    read();
  } catch (error) {
    if (error instanceof DeclarationError) return error.problems;
    throw error;
  }
  return [];
};
/** The next revision: raised, dated, summarised. */
const raise = (text: string, to = 2) =>
  text
    .replace(/^revision: \d+$/m, `revision: ${to}`)
    .replace(/^published: .*$/m, 'published: 2026-12-07')
    .replace(/^ {2}fr: Première déclaration.*$/m, '  fr: Un témoin de Meta dure plus longtemps.')
    .replace(/^ {2}en: First declaration.*$/m, '  en: A Meta cookie lasts longer.');
const longerFbp = (text: string) =>
  text.replace('{ name: _fbp, lifetime: { months: 3 }', '{ name: _fbp, lifetime: { months: 6 }');

describe('the cookie declaration as content', () => {
  it('reads the portal’s own declaration, kept as it stands', () => {
    const { current, revisions, unkept } = readDeclarations();
    expect(unkept).toBe(false);
    expect(revisions.at(-1)).toEqual(current);
    expect(current.categories.map((c) => c.id)).toEqual([
      'necessary',
      'preferences',
      'statistics',
      'advertising',
      'social',
    ]);
  });

  it('refuses a changed declaration whose revision was not raised, and says how to raise it', () => {
    edit(longerFbp);
    expect(problems(() => readDeclarations(dir))).toEqual([
      expect.stringMatching(/declaration\.yaml changed but its revision is still 1: raise it to 2/),
    ]);
    expect(problems(() => keepRevision(dir))).toHaveLength(1);
  });

  it('keeps a raised revision once, shows both, and then refuses the same number with other content', () => {
    edit((text) => raise(longerFbp(text)));
    expect(readDeclarations(dir)).toMatchObject({ unkept: true, revisions: [{ revision: 1 }, { revision: 2 }] });
    const kept = keepRevision(dir);
    expect(kept).toBe(join(dir, 'revisions', '2.yaml'));
    expect(readFileSync(kept!, 'utf8')).toMatch(/^# Révision 2 .*ne la modifiez pas/);
    expect(keepRevision(dir)).toBeUndefined();
    const both = readDeclarations(dir);
    expect(both.unkept).toBe(false);
    expect(changesBetween(both.revisions[0]!, both.revisions[1]!, 'en')).toEqual([
      { kind: 'lifetime', service: 'Meta Pixel', cookie: '_fbp', from: '3 months', to: '6 months' },
    ]);
    edit((text) => text.replace('name: _fbp', 'name: _fbc'));
    expect(problems(() => readDeclarations(dir))[0]).toMatch(/still 2: raise it to 3/);
  });

  it('refuses a skipped revision and one that goes back', () => {
    edit((text) => raise(longerFbp(text), 3));
    expect(problems(() => readDeclarations(dir))).toEqual([expect.stringMatching(/revision 3: the next one is 2/)]);
  });

  it('names the file, the line and the field of each mistake, in words', () => {
    edit((text) => text.replace('lifetime: { months: 13 }', 'lifetime: 13 mois').replace('party: third', 'party: 3rd'));
    const found = problems(() => readDeclarations(dir));
    expect(found).toContainEqual(
      expect.stringMatching(
        /declaration\.yaml, line \d+: categories\.2\.services\.0\.cookies\.0\.lifetime must be session/,
      ),
    );
    expect(found).toContainEqual(expect.stringMatching(/party must be first or third/));
  });

  it('refuses broken YAML, a key given twice, a service id used twice and a category missing', () => {
    expect(problems(() => parseDeclaration('revision: 1\nrevision: 2\n', 'd.yaml'))[0]).toMatch(/^d\.yaml, line 2:/);
    expect(problems(() => parseDeclaration('revision: [1\n', 'd.yaml'))[0]).toMatch(/^d\.yaml, line \d+:/);
    edit((text) =>
      text.replace('id: linkedin', 'id: youtube').replace(/ {2}- id: preferences[\s\S]*?(?= {2}- id: statistics)/, ''),
    );
    const found = problems(() => readDeclarations(dir));
    expect(found).toContainEqual(expect.stringMatching(/"youtube" is already used/));
    expect(found).toContainEqual(expect.stringMatching(/categories must be, in order: necessary, preferences/));
  });

  it('refuses a kept revision whose number is not its file’s', () => {
    writeFileSync(join(dir, 'revisions', '2.yaml'), readFileSync(join(dir, 'revisions', '1.yaml')));
    expect(problems(() => readDeclarations(dir))).toContainEqual(expect.stringMatching(/2\.yaml: says revision 1/));
  });
});
