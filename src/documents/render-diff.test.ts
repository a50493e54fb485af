import { describe, expect, it } from 'vitest';
import { diffBlocks } from './diff.ts';
import { changedSections, renderDiff } from './render-diff.ts';

const labels = {
  inserted: 'ajout',
  deleted: 'retrait',
  blockInserted: 'Passage ajouté',
  blockDeleted: 'Passage retiré',
};

describe('renderDiff', () => {
  it('marks changes with ins and del and a hidden word for screen readers', () => {
    const html = renderDiff(
      diffBlocks(
        [{ kind: 'p', text: 'le contentement', depth: 0 }],
        [{ kind: 'p', text: 'le consentement', depth: 0 }],
      ),
      labels,
    );
    expect(html).toBe(
      '<p class="diff-mod" data-depth="0">le <del><span class="visually-hidden">[retrait] </span>contentement</del><ins><span class="visually-hidden">[ajout] </span>consentement</ins></p>',
    );
  });

  it('escapes document text, so a comparison can never inject markup', () => {
    const html = renderDiff(
      diffBlocks([], [{ kind: 'p', text: '<img src=x onerror=alert(1)> & "q"', depth: 0 }]),
      labels,
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;');
    expect(html).not.toContain('<img');
  });

  it('groups list items into one list and labels whole added passages', () => {
    const html = renderDiff(
      diffBlocks(
        [{ kind: 'li', text: 'a', depth: 0 }],
        [
          { kind: 'li', text: 'a', depth: 0 },
          { kind: 'li', text: 'b', depth: 1 },
        ],
      ),
      labels,
    );
    expect(html.match(/<ul/g)).toHaveLength(1);
    expect(html).toContain('<li class="diff-ins" data-depth="1"><span class="diff-badge">Passage ajouté</span> ');
  });

  it('lists the sections a comparison touches', () => {
    const h = (n: number) => ({ kind: 'h2' as const, text: `${n}. Titre ${n}`, depth: 0, id: `section-${n}` });
    const p = (text: string) => ({ kind: 'p' as const, text, depth: 0 });
    const diff = diffBlocks([h(1), p('a'), h(2), p('b')], [h(1), p('a'), h(2), p('c')]);
    expect(changedSections(diff)).toEqual([{ id: 'section-2', title: '2. Titre 2' }]);
  });
});
