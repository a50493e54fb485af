// Word-level comparison of two versions: blocks are matched first, then changed blocks are compared word by word.
// Runs at build time for successive versions and in the browser for any other pair: jsdiff is its one import.
import { diffArrays } from 'diff';
import type { Block, BlockKind } from './blocks.ts';

export type Op = 'eq' | 'ins' | 'del';

export interface Segment {
  op: Op;
  text: string;
}

export interface BlockDiff {
  kind: BlockKind;
  depth: number;
  id?: string | undefined;
  /** `eq` unchanged, `ins` added whole, `del` removed whole, `mod` changed inside. */
  change: Op | 'mod';
  segments: Segment[];
}

export interface DiffStats {
  /** Blocks added, removed or changed. */
  changes: number;
  insertedWords: number;
  deletedWords: number;
}

/** Beyond this many edits two texts have little in common: report a whole replacement instead of tracing it. */
const MAX_EDITS = 2000;

/** The shortest edit script between two sequences (jsdiff's Myers diff), as one op per element. */
export function diffSequence<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): Op[] {
  const changes = diffArrays([...a], [...b], { comparator: same, maxEditLength: MAX_EDITS });
  if (!changes) return [...Array<Op>(a.length).fill('del'), ...Array<Op>(b.length).fill('ins')];
  return changes.flatMap((c) => Array<Op>(c.count).fill(c.added ? 'ins' : c.removed ? 'del' : 'eq'));
}

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:[’'-][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const isSpace = (s: string) => /^\s+$/.test(s);

function push(segments: Segment[], op: Op, text: string) {
  const last = segments.at(-1);
  if (last && last.op === op) last.text += text;
  else segments.push({ op, text });
}

/**
 * Word-level segments turning `before` into `after`; spaces between two changes join the change, so it reads as one.
 */
export function diffWords(before: string, after: string): Segment[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const ops = diffSequence(a, b);
  const raw: { op: Op; text: string }[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 'eq') {
      raw.push({ op, text: a[i++]! });
      j++;
    } else if (op === 'del') raw.push({ op, text: a[i++]! });
    else raw.push({ op, text: b[j++]! });
  }
  for (let t = 1; t < raw.length - 1; t++) {
    const token = raw[t]!;
    if (token.op === 'eq' && isSpace(token.text) && raw[t - 1]!.op !== 'eq' && raw[t + 1]!.op !== 'eq') {
      raw.splice(t, 1, { op: 'del', text: token.text }, { op: 'ins', text: token.text });
      t++;
    }
  }
  // Group each run of changes as all its removals, then all its additions.
  const segments: Segment[] = [];
  let dels = '';
  let inss = '';
  const flush = () => {
    if (dels) push(segments, 'del', dels);
    if (inss) push(segments, 'ins', inss);
    dels = inss = '';
  };
  for (const r of raw) {
    if (r.op === 'eq') {
      flush();
      push(segments, 'eq', r.text);
    } else if (r.op === 'del') dels += r.text;
    else inss += r.text;
  }
  flush();
  return segments;
}

const blockKey = (b: Block) => `${b.kind}\u0000${b.depth}\u0000${b.text}`;

/**
 * Compare two versions block by block; removed and added blocks of the same kind facing each other are compared word by
 * word.
 */
export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockDiff[] {
  const ops = diffSequence(before.map(blockKey), after.map(blockKey));
  const result: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === 'eq') {
      const b = after[j]!;
      result.push({ kind: b.kind, depth: b.depth, id: b.id, change: 'eq', segments: [{ op: 'eq', text: b.text }] });
      i++;
      j++;
      k++;
      continue;
    }
    const removed: Block[] = [];
    const added: Block[] = [];
    while (k < ops.length && ops[k] !== 'eq') {
      if (ops[k] === 'del') removed.push(before[i++]!);
      else added.push(after[j++]!);
      k++;
    }
    // Pair removals with additions in order while their kinds match; an unmatched removal reads before the additions.
    let r = 0;
    let a = 0;
    while (r < removed.length || a < added.length) {
      const old = removed[r];
      const neu = added[a];
      if (old && neu && old.kind === neu.kind) {
        result.push({
          kind: neu.kind,
          depth: neu.depth,
          id: neu.id ?? old.id,
          change: 'mod',
          segments: diffWords(old.text, neu.text),
        });
        r++;
        a++;
      } else if (old) {
        result.push({
          kind: old.kind,
          depth: old.depth,
          id: old.id,
          change: 'del',
          segments: [{ op: 'del', text: old.text }],
        });
        r++;
      } else if (neu) {
        result.push({
          kind: neu.kind,
          depth: neu.depth,
          id: neu.id,
          change: 'ins',
          segments: [{ op: 'ins', text: neu.text }],
        });
        a++;
      }
    }
  }
  return result;
}

const countWords = (text: string) => tokenize(text).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;

export function diffStats(diff: readonly BlockDiff[]): DiffStats {
  let changes = 0;
  let insertedWords = 0;
  let deletedWords = 0;
  for (const block of diff) {
    if (block.change !== 'eq') changes++;
    for (const s of block.segments) {
      if (block.change === 'eq') continue;
      if (s.op === 'ins') insertedWords += countWords(s.text);
      if (s.op === 'del') deletedWords += countWords(s.text);
    }
  }
  return { changes, insertedWords, deletedWords };
}
