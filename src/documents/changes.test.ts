import { describe, expect, it } from 'vitest';
import { diffBlocks } from './diff.ts';
import { mapChanges } from './changes.ts';

const h = (n: number) => ({ kind: 'h2' as const, text: `${n}. Titre ${n}`, depth: 0, id: `section-${n}` });
const p = (text: string) => ({ kind: 'p' as const, text, depth: 0 });

describe('mapChanges', () => {
  it('numbers the changes and links each touched section to its first change, not to its heading', () => {
    const diff = diffBlocks([h(1), p('a'), h(2), p('b'), p('c'), p('d')], [h(1), p('a'), h(2), p('b'), p('C'), p('D')]);
    const map = mapChanges(diff);
    expect(map.total).toBe(2);
    expect(map.change).toEqual([0, 0, 0, 0, 1, 2]);
    expect(map.sections).toEqual([{ title: '2. Titre 2', anchor: 'change-1' }]);
    expect(map.anchor[4]).toBe('change-1');
  });

  it('keeps each change with the passage before and after it and its section heading', () => {
    const diff = diffBlocks(
      [h(1), p('a'), p('b'), p('c'), p('d'), p('e')],
      [h(1), p('a'), p('b'), p('C'), p('d'), p('e')],
    );
    expect(mapChanges(diff).kept).toEqual([true, false, true, true, true, false]);
  });

  it('uses a changed heading’s own anchor, so links to the section keep working', () => {
    const diff = diffBlocks([h(1), p('a')], [{ ...h(1), text: '1. Autre titre' }, p('a')]);
    const map = mapChanges(diff);
    expect(map.anchor[0]).toBe('section-1');
    expect(map.sections).toEqual([{ title: '1. Autre titre', anchor: 'section-1' }]);
  });

  it('finds nothing to list between identical versions', () => {
    const map = mapChanges(diffBlocks([h(1), p('a')], [h(1), p('a')]));
    expect(map).toMatchObject({ total: 0, sections: [], kept: [false, false] });
  });
});
