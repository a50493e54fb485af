import { describe, expect, it } from 'vitest';
import type { Block } from './blocks.ts';
import { diffBlocks, diffSequence, diffStats, diffWords, tokenize } from './diff.ts';

const p = (text: string): Block => ({ kind: 'p', text, depth: 0 });
const apply = (before: string[], after: string[]) => {
  const ops = diffSequence(before, after);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 'eq') {
      out.push(before[i++]!);
      j++;
    } else if (op === 'ins') out.push(after[j++]!);
    else i++;
  }
  return { out, edits: ops.filter((o) => o !== 'eq').length };
};

describe('diffSequence', () => {
  it('finds a shortest edit script that rebuilds the second sequence', () => {
    const cases: [string, string, number][] = [
      ['abcabba', 'cbabac', 5],
      ['', 'abc', 3],
      ['abc', '', 3],
      ['same', 'same', 0],
      ['kitten', 'sitting', 5],
    ];
    for (const [a, b, edits] of cases) {
      const result = apply([...a], [...b]);
      expect(result.out.join('')).toBe(b);
      expect(result.edits).toBe(edits);
    }
  });

  it('rebuilds random sequences exactly', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 48271) % 2147483647;
      return seed % 4;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: rand() * 5 }, () => String(rand()));
      const b = Array.from({ length: rand() * 5 }, () => String(rand()));
      expect(apply(a, b).out).toEqual(b);
    }
  });

  it('reports a whole replacement when the texts share too little to trace', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`);
    const ops = diffSequence(a, b);
    expect(ops.filter((o) => o === 'del')).toHaveLength(3000);
    expect(ops.filter((o) => o === 'ins')).toHaveLength(3000);
  });
});

describe('diffWords', () => {
  it('keeps French elisions and hyphenated words as single words', () => {
    expect(tokenize('l’information socio-professionnelle')).toEqual(['l’information', ' ', 'socio-professionnelle']);
  });

  it('marks only the corrected word in an editorial fix', () => {
    expect(diffWords('avec le contentement spécifique', 'avec le consentement spécifique')).toEqual([
      { op: 'eq', text: 'avec le ' },
      { op: 'del', text: 'contentement' },
      { op: 'ins', text: 'consentement' },
      { op: 'eq', text: ' spécifique' },
    ]);
  });

  it('joins neighbouring changed words into one change', () => {
    const segments = diffWords('one two three four', 'one five six four');
    expect(segments).toEqual([
      { op: 'eq', text: 'one ' },
      { op: 'del', text: 'two three' },
      { op: 'ins', text: 'five six' },
      { op: 'eq', text: ' four' },
    ]);
  });

  it('rebuilds both texts from its segments', () => {
    const before = 'Nous pourrions de temps à autre adapter notre Politique.';
    const after = 'Nous pourrons, de temps à autre, adapter et publier notre Politique.';
    const segments = diffWords(before, after);
    expect(
      segments
        .filter((s) => s.op !== 'ins')
        .map((s) => s.text)
        .join(''),
    ).toBe(before);
    expect(
      segments
        .filter((s) => s.op !== 'del')
        .map((s) => s.text)
        .join(''),
    ).toBe(after);
  });
});

describe('diffBlocks', () => {
  it('leaves unchanged blocks as they are and compares a changed paragraph word by word', () => {
    const diff = diffBlocks([p('Un.'), p('Deux mots.'), p('Trois.')], [p('Un.'), p('Deux autres mots.'), p('Trois.')]);
    expect(diff.map((d) => d.change)).toEqual(['eq', 'mod', 'eq']);
    expect(diff[1]!.segments.filter((s) => s.op === 'ins').map((s) => s.text)).toEqual(['autres ']);
  });

  it('reports added and removed blocks whole', () => {
    const diff = diffBlocks(
      [p('A.'), { kind: 'h2', text: '2. Titre', depth: 0, id: 'section-2' }],
      [p('A.'), p('B.'), p('C.')],
    );
    expect(diff.map((d) => d.change)).toEqual(['eq', 'del', 'ins', 'ins']);
    expect(diff[1]!.id).toBe('section-2');
  });

  it('counts changed passages and words', () => {
    const diff = diffBlocks(
      [p('le contentement des gens'), p('Fin.')],
      [p('le consentement des gens'), p('Fin.'), p('Nouveau texte ici.')],
    );
    expect(diffStats(diff)).toEqual({ changes: 2, insertedWords: 4, deletedWords: 1 });
  });

  it('finds no change between identical versions', () => {
    const blocks = [p('A.'), p('B.')];
    expect(diffStats(diffBlocks(blocks, blocks)).changes).toBe(0);
  });
});
