// A comparison of two versions: the one renderer, run at build for successive versions and in the browser for others.
import type { JSX } from 'preact';
import { fill, plural } from '../../shared/fill.ts';
import { mapChanges } from '../documents/changes.ts';
import { type BlockDiff, diffStats, type Segment } from '../documents/diff.ts';
import type { ComparisonWords } from './words.ts';

interface Props {
  diff: readonly BlockDiff[];
  words: ComparisonWords;
  lang: string;
}

// Screen readers do not announce <ins> and <del>: a hidden word says what each one is.
function Piece({ segment, words }: { segment: Segment; words: ComparisonWords }) {
  if (segment.op === 'eq') return <>{segment.text}</>;
  const Tag = segment.op;
  const label = segment.op === 'ins' ? words.inserted : words.deleted;
  return (
    <Tag>
      <span class="visually-hidden">[{label}] </span>
      {segment.text}
    </Tag>
  );
}

export function Comparison({ diff, words, lang }: Props) {
  const stats = diffStats(diff);
  const map = mapChanges(diff);
  const block = (b: BlockDiff, i: number) => {
    const Tag = b.kind as keyof JSX.IntrinsicElements;
    const badge = b.change === 'ins' ? words.blockInserted : b.change === 'del' ? words.blockDeleted : undefined;
    return (
      <Tag
        key={i}
        id={map.anchor[i]}
        class={`diff-${b.change}`}
        data-depth={b.depth}
        data-change={map.change[i] || undefined}
        data-kept={map.kept[i] ? '' : undefined}
        tabIndex={map.change[i] ? -1 : undefined}
      >
        {badge && <span class="diff-badge">{badge} </span>}
        {b.segments.map((s, j) => (
          <Piece key={j} segment={s} words={words} />
        ))}
      </Tag>
    );
  };
  // List items are grouped into one list per run, as the document shows them.
  const body: JSX.Element[] = [];
  for (let i = 0; i < diff.length; i++) {
    if (diff[i]!.kind !== 'li') {
      body.push(block(diff[i]!, i));
      continue;
    }
    const items: JSX.Element[] = [];
    const start = i;
    for (; i < diff.length && diff[i]!.kind === 'li'; i++) items.push(block(diff[i]!, i));
    i--;
    body.push(
      <ul key={`list-${start}`} class="diff-list">
        {items}
      </ul>,
    );
  }
  const summary = stats.changes
    ? fill(words.stats, {
        passages: plural(lang, stats.changes, words.passages),
        added: plural(lang, stats.insertedWords, words.added),
        removed: plural(lang, stats.deletedWords, words.removed),
      })
    : words.none;
  return (
    <div class="comparison">
      <p data-stats>{summary}</p>
      {stats.changes > 0 && (
        <>
          <p>{words.legend}</p>
          {map.sections.length > 0 && (
            <nav aria-label={words.sections}>
              <ul class="doc-links">
                {map.sections.map((s) => (
                  <li key={s.anchor}>
                    <a href={`#${s.anchor}`}>{s.title}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          {/* Works without any script: the stylesheet hides what is not kept while the box is ticked. */}
          <p>
            <label class="check">
              <input type="checkbox" class="changes-only" /> {words.changesOnly}
            </label>
          </p>
        </>
      )}
      <div class="diff prose">{body}</div>
    </div>
  );
}
