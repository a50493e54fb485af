// A comparison as HTML: the one renderer behind prerendered comparison pages and those computed in the browser.
import { escapeHtml } from '../../shared/escape-html.ts';
import type { BlockDiff, Segment } from './diff.ts';

export interface DiffLabels {
  inserted: string;
  deleted: string;
  blockInserted: string;
  blockDeleted: string;
}

// Screen readers do not announce <ins> and <del>: a hidden word says what each one is.
function segmentHtml(segment: Segment, labels: DiffLabels): string {
  const text = escapeHtml(segment.text);
  if (segment.op === 'eq') return text;
  const tag = segment.op;
  const label = segment.op === 'ins' ? labels.inserted : labels.deleted;
  return `<${tag}><span class="visually-hidden">[${escapeHtml(label)}] </span>${text}</${tag}>`;
}

export function renderDiff(diff: readonly BlockDiff[], labels: DiffLabels): string {
  const out: string[] = [];
  let inList = false;
  for (const block of diff) {
    if (block.kind === 'li' && !inList) out.push('<ul class="diff-list">');
    if (block.kind !== 'li' && inList) out.push('</ul>');
    inList = block.kind === 'li';
    const id = block.id && block.kind !== 'li' && block.kind !== 'p' ? ` id="${escapeHtml(block.id)}"` : '';
    const badge =
      block.change === 'ins'
        ? `<span class="diff-badge">${escapeHtml(labels.blockInserted)}</span> `
        : block.change === 'del'
          ? `<span class="diff-badge">${escapeHtml(labels.blockDeleted)}</span> `
          : '';
    const body = block.segments.map((s) => segmentHtml(s, labels)).join('');
    out.push(
      `<${block.kind}${id} class="diff-${block.change}" data-depth="${block.depth}">${badge}${body}</${block.kind}>`,
    );
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}

/** The sections a comparison touches, for a list of links above it. */
export function changedSections(diff: readonly BlockDiff[]): { id: string; title: string }[] {
  const sections: { id: string; title: string }[] = [];
  let heading: BlockDiff | undefined;
  for (const block of diff) {
    if (block.kind.startsWith('h') && block.id) heading = block;
    if (block.change !== 'eq' && heading?.id && sections.at(-1)?.id !== heading.id) {
      const title = heading.segments
        .filter((s) => s.op !== 'del')
        .map((s) => s.text)
        .join('');
      sections.push({ id: heading.id, title });
    }
  }
  return sections;
}
