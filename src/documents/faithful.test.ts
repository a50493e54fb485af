// The French version 1.0 of each document is the captured original, word for word, with only its layout turned into
// Markdown.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSequence } from './diff.ts';

const read = (path: string) => readFileSync(new URL(`../../content/${path}`, import.meta.url), 'utf8');

/** Words of a Markdown body, without front matter, heading and list markers or the contact component. */
function mdxWords(text: string): string[] {
  return text
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^#{2,4} /gm, '')
    .replace(/^\s*- /gm, '')
    .replace(/^<ContactBlock \/>$/m, '')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * Words of a captured page, from `from` (a line) up to `until` (a line that starts the part the site configuration
 * replaces).
 */
function sourceWords(
  text: string,
  { skip, until, drop = [] }: { skip: number; until?: string; drop?: string[] },
): string[] {
  const lines = text.split('\n').slice(skip);
  const end = until ? lines.findIndex((l) => l.trim().startsWith(until)) : lines.length;
  return lines
    .slice(0, end)
    .filter((l) => !drop.includes(l.trim()))
    .join('\n')
    .replace(/•/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

describe('published text', () => {
  it('keeps the privacy policy 1.0 word for word, typing errors included', () => {
    const source = sourceWords(read('sources/policy.fr.txt'), { skip: 1, until: 'Par téléphone', drop: ['SOMMAIRE'] });
    expect(mdxWords(read('policy/fr/1.0.mdx'))).toEqual(source);
    expect(source.length).toBeGreaterThan(5000);
  });

  it('keeps the PTET summary 1.0 word for word', () => {
    const source = sourceWords(read('sources/ptet.fr.txt'), { skip: 1, drop: ['- Date de modification :'] });
    expect(mdxWords(read('ptet/fr/1.0.mdx'))).toEqual(source);
  });

  it('changes only the corrected words in the editorial correction 1.1', () => {
    const before = mdxWords(read('policy/fr/1.0.mdx'));
    const after = mdxWords(read('policy/fr/1.1.mdx'));
    const ops = diffSequence(before, after);
    const removed: string[] = [];
    const added: string[] = [];
    let i = 0;
    let j = 0;
    for (const op of ops) {
      if (op === 'del') removed.push(before[i++]!);
      else if (op === 'ins') added.push(after[j++]!);
      else {
        i++;
        j++;
      }
    }
    expect(removed).toEqual([
      'elles',
      'l’information,',
      'de',
      'ait',
      'ci-dessus.',
      'pouvions',
      'nous',
      'web',
      'contentement',
      'Renseignements',
    ]);
    expect(added).toEqual(['elle', 'a', 'ci-dessous.', 'puissions', 'nos', 'Web', 'consentement', 'renseignements']);
  });
});
