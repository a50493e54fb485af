// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { diffBlocks } from '../documents/diff.ts';
import { useTranslations } from '../i18n/index.ts';
import { Comparison } from './Comparison.tsx';
import { comparisonWords } from './words.ts';

const words = comparisonWords(useTranslations('fr'));
const p = (text: string) => ({ kind: 'p' as const, text, depth: 0 });
const li = (text: string, depth = 0) => ({ kind: 'li' as const, text, depth });

function draw(diff: ReturnType<typeof diffBlocks>, lang = 'fr') {
  const root = document.createElement('div');
  render(<Comparison diff={diff} words={words} lang={lang} />, root);
  return root;
}

describe('Comparison', () => {
  it('marks changed words with ins and del and a hidden word for screen readers', () => {
    const root = draw(diffBlocks([p('le contentement')], [p('le consentement')]));
    expect(root.querySelector('.diff')!.innerHTML).toBe(
      '<p id="change-1" class="diff-mod" data-depth="0" data-change="1" data-kept="" tabindex="-1">le ' +
        '<del><span class="visually-hidden">[retrait] </span>contentement</del>' +
        '<ins><span class="visually-hidden">[ajout] </span>consentement</ins></p>',
    );
  });

  it('shows document text as text, so a comparison can never inject markup', () => {
    const root = draw(diffBlocks([], [p('<img src=x onerror=alert(1)> & "q"')]));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.diff p')!.textContent).toContain('<img src=x onerror=alert(1)> & "q"');
  });

  it('groups list items into one list and labels whole added passages', () => {
    const root = draw(diffBlocks([li('a')], [li('a'), li('b', 1)]));
    expect(root.querySelectorAll('ul.diff-list')).toHaveLength(1);
    const added = root.querySelector('li.diff-ins')!;
    expect(added.getAttribute('data-depth')).toBe('1');
    expect(added.querySelector('.diff-badge')!.textContent).toBe('Passage ajouté ');
  });

  it('counts in words that agree with the number', () => {
    const one = draw(diffBlocks([p('un mot')], [p('un mots')]));
    expect(one.querySelector('[data-stats]')!.textContent).toBe('1 passage modifié : 1 mot ajouté, 1 mot retiré.');
    const two = draw(diffBlocks([p('a b'), p('c')], [p('a x y'), p('d')]));
    expect(two.querySelector('[data-stats]')!.textContent).toBe(
      '2 passages modifiés : 3 mots ajoutés, 2 mots retirés.',
    );
  });

  it('says there is no difference, with no legend or filter to offer', () => {
    const root = draw(diffBlocks([p('a')], [p('a')]));
    expect(root.querySelector('[data-stats]')!.textContent).toBe('Aucune différence entre ces deux versions.');
    expect(root.querySelector('.changes-only')).toBeNull();
  });
});
