// The compare page's island: the choice of two versions, and their comparison computed in the browser.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../shared/fill.ts';
import type { Block } from '../documents/blocks.ts';
import { type BlockDiff, diffBlocks } from '../documents/diff.ts';
import { ChangeNavigator } from './ChangeNavigator.tsx';
import { Comparison } from './Comparison.tsx';
import { carryQuery } from './lang-switch.ts';
import type { CompareAppWords } from './words.ts';

interface Props {
  lang: string;
  words: CompareAppWords;
  /** Versions oldest first, with their labels. */
  versions: { value: string; label: string }[];
  from: string;
  to: string;
  /** The page's own address, where the form sends its choice. */
  action: string;
  /** Address of a version's blocks, with `{version}` in place of the version. */
  blocks: string;
}

type Result =
  | { kind: 'none' | 'loading' | 'same' | 'error' }
  | { kind: 'unknown'; version: string }
  | { kind: 'done'; from: string; to: string; diff: BlockDiff[]; focus: boolean };

async function fetchBlocks(template: string, version: string): Promise<Block[]> {
  const response = await fetch(template.replace('{version}', encodeURIComponent(version)));
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as Block[];
}

export function CompareApp({ lang, words, versions, from: first, to: last, action, blocks }: Props) {
  const [from, setFrom] = useState(first);
  const [to, setTo] = useState(last);
  const [result, setResult] = useState<Result>({ kind: 'none' });
  const title = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const compare = async (a: string, b: string, focus: boolean) => {
    // An address can name any version: say which one does not exist rather than blame the connection.
    const unknown = [a, b].find((v) => !versions.some((o) => o.value === v));
    if (unknown !== undefined) return setResult({ kind: 'unknown', version: unknown });
    if (a === b) return setResult({ kind: 'same' });
    setResult({ kind: 'loading' });
    try {
      const [before, after] = await Promise.all([fetchBlocks(blocks, a), fetchBlocks(blocks, b)]);
      setResult({ kind: 'done', from: a, to: b, diff: diffBlocks(before, after), focus });
    } catch {
      setResult({ kind: 'error' });
    }
  };

  useEffect(() => {
    const query = new URLSearchParams(location.search);
    const a = query.get('from');
    const b = query.get('to');
    if (a === null || b === null) {
      // Without versions in the address, keep what the lists show: a choice made before the script woke.
      const shown = form.current && new FormData(form.current);
      if (shown) {
        setFrom(String(shown.get('from') ?? first));
        setTo(String(shown.get('to') ?? last));
      }
      return;
    }
    carryQuery(location.search);
    if (versions.some((v) => v.value === a)) setFrom(a);
    if (versions.some((v) => v.value === b)) setTo(b);
    void compare(a, b, false);
  }, []);

  useEffect(() => {
    if (result.kind === 'done' && result.focus) title.current?.focus();
  }, [result]);

  // The versions the lists show are the ones compared: a choice made before the script woke is in the lists only.
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const a = String(form.get('from') ?? from);
    const b = String(form.get('to') ?? to);
    setFrom(a);
    setTo(b);
    history.replaceState(null, '', `?from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`);
    carryQuery(location.search);
    void compare(a, b, true);
  };

  const select = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label for={id}>{label}</label>
      <select
        id={id}
        name={id.replace('compare-', '')}
        value={value}
        onChange={(e) => set((e.target as HTMLSelectElement).value)}
      >
        {versions.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <form ref={form} class="compare-form panel" method="get" action={action} onSubmit={submit}>
        {select('compare-from', words.from, from, setFrom)}
        {select('compare-to', words.to, to, setTo)}
        <button type="submit">{words.submit}</button>
      </form>
      {/* Space kept for the result below everything else, so its arrival moves nothing on screen. */}
      <div id="compare-result" aria-live="polite" aria-busy={result.kind === 'loading'}>
        {result.kind === 'loading' && <p>{words.loading}</p>}
        {result.kind === 'same' && <p>{words.same}</p>}
        {result.kind === 'error' && <p role="alert">{words.error}</p>}
        {result.kind === 'unknown' && <p role="alert">{fill(words.unknown, { version: result.version })}</p>}
        {result.kind === 'done' && (
          <>
            <h2 id="compare-title" tabIndex={-1} ref={title}>
              {fill(words.pairTitle, { from: result.from, to: result.to })}
            </h2>
            <ChangeNavigator key={`${result.from}-${result.to}`} words={words.navigator} within="#compare-result" />
            <Comparison diff={result.diff} words={words.comparison} lang={lang} />
          </>
        )}
      </div>
    </>
  );
}
