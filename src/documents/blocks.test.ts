import { describe, expect, it } from 'vitest';
import { sectionId, toBlocks } from './blocks.ts';

describe('toBlocks', () => {
  it('reads headings, paragraphs and nested list items in order', () => {
    const blocks = toBlocks(
      [
        '---',
        'title: x',
        '---',
        '',
        '## 3. Les fins',
        '',
        'Intro',
        'suite.',
        '',
        '- Un ;',
        '  - sous-point ;',
        '- Deux.',
        '',
        'Fin.',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'h2', text: '3. Les fins', depth: 0, id: 'section-3' },
      { kind: 'p', text: 'Intro suite.', depth: 0 },
      { kind: 'li', text: 'Un ;', depth: 0 },
      { kind: 'li', text: 'sous-point ;', depth: 1 },
      { kind: 'li', text: 'Deux.', depth: 0 },
      { kind: 'p', text: 'Fin.', depth: 0 },
    ]);
  });

  it('stands component text in for an MDX component and drops import lines', () => {
    const blocks = toBlocks("import X from './x';\n\nAvant :\n\n<ContactBlock />\n", {
      ContactBlock: () => ['Par téléphone : 514', 'CITIM'],
    });
    expect(blocks.map((b) => b.text)).toEqual(['Avant :', 'Par téléphone : 514', 'CITIM']);
  });

  it('keeps link text and drops emphasis markers', () => {
    expect(toBlocks('Voir **la** [Loi](https://example.org) et _ceci_.')[0]!.text).toBe('Voir la Loi et ceci.');
  });
});

describe('sectionId', () => {
  it('gives numbered sections a language-independent anchor', () => {
    expect(sectionId('7. Les renseignements que nous colligeons')).toBe('section-7');
    expect(sectionId('7. The information we gather')).toBe('section-7');
    expect(sectionId('Préoccupations/plaintes')).toBeUndefined();
  });
});
