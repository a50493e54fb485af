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

  it('reads numbered lists, items of several paragraphs and hard breaks as the page shows them', () => {
    const blocks = toBlocks(
      '1. Premier\n\n   suite du premier.\n2. Second  \n   ligne.\n\nTexte * avec étoile et snake_case_mot.',
    );
    expect(blocks).toEqual([
      { kind: 'li', text: 'Premier suite du premier.', depth: 0 },
      { kind: 'li', text: 'Second ligne.', depth: 0 },
      { kind: 'p', text: 'Texte * avec étoile et snake_case_mot.', depth: 0 },
    ]);
  });

  it('keeps link text with brackets and parentheses in the target and inline code', () => {
    expect(toBlocks('Voir [la Loi](https://example.org/a_(b)) et `code`.')[0]!.text).toBe('Voir la Loi et code.');
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
