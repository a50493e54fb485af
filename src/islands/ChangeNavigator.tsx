// Previous / next change in a comparison, with the N and P keys: an island over the comparison's rendered changes.
import { useEffect, useState } from 'preact/hooks';
import { fill } from '../../shared/fill.ts';
import type { NavigatorWords } from './words.ts';

interface Props {
  words: NavigatorWords;
  /** Selector of the element holding the comparison. */
  within: string;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));

export function ChangeNavigator({ words, within }: Props) {
  const [total, setTotal] = useState(0);
  const [at, setAt] = useState(0);
  const changes = () => [...document.querySelectorAll<HTMLElement>(`${within} [data-change]`)];
  const go = (step: number) => {
    const list = changes();
    if (!list.length) return;
    const next = Math.min(Math.max(at + step, 1), list.length);
    setAt(next);
    const target = list[next - 1]!;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };
  useEffect(() => setTotal(changes().length), [within]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const step = { n: 1, N: 1, p: -1, P: -1 }[event.key];
      if (!step) return;
      event.preventDefault();
      go(step);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });
  // Before the script runs, or with nothing to step through, the bar would only be noise.
  return (
    <div class="change-nav" hidden={total === 0}>
      <button type="button" aria-keyshortcuts="p" disabled={at <= 1} onClick={() => go(-1)}>
        {words.previous}
      </button>
      <button type="button" aria-keyshortcuts="n" disabled={at >= total} onClick={() => go(1)}>
        {words.next}
      </button>
      <span role="status">{at ? fill(words.position, { n: at, total }) : ''}</span>
      <span class="hint">{words.keys}</span>
    </div>
  );
}
