// Where a comparison's changes are: their numbers, the passages around them, the sections they touch.
import type { BlockDiff } from './diff.ts';

export interface ChangeMap {
  /** For each block, its change number from 1, or 0 when it is unchanged. */
  change: number[];
  /** For each block, whether it is kept in "changes only": a change, a passage beside one, or its section heading. */
  kept: boolean[];
  /** The anchor of each block a link may point to: a section heading's own anchor, else `change-N`. */
  anchor: (string | undefined)[];
  /** The sections a comparison touches, each linking to its first change. */
  sections: { title: string; anchor: string }[];
  total: number;
}

const textOf = (block: BlockDiff) =>
  block.segments
    .filter((s) => s.op !== 'del')
    .map((s) => s.text)
    .join('');

export function mapChanges(diff: readonly BlockDiff[]): ChangeMap {
  const change: number[] = [];
  const kept = diff.map(() => false);
  const anchor: (string | undefined)[] = [];
  const sections: ChangeMap['sections'] = [];
  let total = 0;
  let heading = -1;
  let headingUsed = -1;
  diff.forEach((block, i) => {
    const isSectionHeading = block.kind.startsWith('h') && block.id !== undefined;
    if (isSectionHeading) heading = i;
    const n = block.change === 'eq' ? 0 : ++total;
    change.push(n);
    anchor.push(isSectionHeading ? block.id : n ? `change-${n}` : undefined);
    if (!n) return;
    kept[i] = true;
    if (i > 0) kept[i - 1] = true;
    if (i + 1 < diff.length) kept[i + 1] = true;
    if (heading >= 0) kept[heading] = true;
    if (heading >= 0 && headingUsed !== heading) {
      headingUsed = heading;
      sections.push({ title: textOf(diff[heading]!), anchor: anchor[i]! });
    }
  });
  return { change, kept, anchor, sections, total };
}
