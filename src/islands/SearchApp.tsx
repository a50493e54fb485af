// The search page's island: the form, and results from the Pagefind index built with the site, loaded on first search.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill, plural } from '../../shared/fill.ts';
import { carryQuery } from './lang-switch.ts';
import type { SearchWords } from './words.ts';

interface PagefindData {
  url: string;
  excerpt: string;
  /** `document` on every document's page; `version` on a superseded version's (components/DocumentView.astro). */
  meta: { title?: string; document?: string; version?: string };
  sub_results?: { url: string; title: string; excerpt: string }[];
}
interface Pagefind {
  search: (query: string) => Promise<{ results: { data: () => Promise<PagefindData> }[] } | null>;
}

interface Props {
  lang: string;
  words: SearchWords;
  /** The page's own address, where the form sends the query without a script. */
  action: string;
}

/** A passage found: where it is, and its text with the matched words marked. */
export interface Hit {
  title: string;
  url: string;
  excerpt: { text: string; mark: boolean }[];
}

type State = { kind: 'idle' | 'loading' | 'error' } | { kind: 'done'; query: string; count: number; hits: Hit[] };

/** Pagefind marks matches with <mark> in an escaped excerpt: read it as text and marks only, never as markup. */
export function excerptParts(html: string): Hit['excerpt'] {
  const parts: Hit['excerpt'] = [];
  const walk = (node: Node, mark: boolean) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) parts.push({ text: child.textContent ?? '', mark });
      else walk(child, mark || child.nodeName === 'MARK');
    }
  };
  walk(new DOMParser().parseFromString(html, 'text/html').body, false);
  return parts;
}

/**
 * The pages to show: a superseded version only when its document's current text did not match (the words are only in
 * what the document used to say), and then its best-ranked version alone; the order is Pagefind's.
 */
export function keptResults(found: PagefindData[]): PagefindData[] {
  const current = new Set(found.filter((d) => d.meta.document && !d.meta.version).map((d) => d.meta.document));
  const seen = new Set<string>();
  return found.filter((d) => {
    if (!d.meta.version || !d.meta.document) return true;
    if (current.has(d.meta.document) || seen.has(d.meta.document)) return false;
    seen.add(d.meta.document);
    return true;
  });
}

/** A page's best passage: the section that matched (so the link opens there), else the page itself. */
export function hitOf(data: PagefindData, superseded = '{version}'): Hit {
  const section = data.sub_results?.find((s) => s.url.includes('#'));
  const base = data.meta.title ?? data.url;
  const title = data.meta.version ? `${base} (${fill(superseded, { version: data.meta.version })})` : base;
  return section
    ? { title: `${title} — ${section.title}`, url: section.url, excerpt: excerptParts(section.excerpt) }
    : { title, url: data.url, excerpt: excerptParts(data.excerpt) };
}

let pagefind: Promise<Pagefind> | undefined;

export function SearchApp({ lang, words, action }: Props) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);

  const run = async (q: string) => {
    if (!q.trim()) return setState({ kind: 'idle' });
    setState({ kind: 'loading' });
    try {
      const index = '/pagefind/pagefind.js';
      pagefind ??= import(/* @vite-ignore */ index) as Promise<Pagefind>;
      const results = (await (await pagefind).search(q))?.results ?? [];
      const read = await Promise.all(results.slice(0, 40).map((r) => r.data()));
      const found = keptResults(read);
      const hits = found.slice(0, 20).map((d) => hitOf(d, words.superseded));
      // Those set aside among the pages read are not counted; beyond them, Pagefind's count stands.
      setState({ kind: 'done', query: q, count: results.length - (read.length - found.length), hits });
    } catch {
      pagefind = undefined;
      setState({ kind: 'error' });
    }
  };

  useEffect(() => {
    // What the Node entry found for a browser without a script: this island searches instead.
    document.querySelector('[data-server-results]')?.remove();
    const q = new URLSearchParams(location.search).get('q');
    // Without a query in the address, keep what was typed in the server-rendered field before the script woke.
    setQuery(q ?? field.current?.value ?? '');
    if (q) {
      carryQuery(location.search);
      void run(q);
    }
  }, []);

  // What the field shows is what is searched: words typed before the script woke are in the field, not in the state.
  const submit = (event: Event) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '');
    setQuery(q);
    history.replaceState(null, '', `?q=${encodeURIComponent(q)}`);
    carryQuery(location.search);
    void run(q);
  };

  const status =
    state.kind === 'loading'
      ? words.loading
      : state.kind === 'error'
        ? words.error
        : state.kind === 'done'
          ? state.count
            ? fill(plural(lang, state.count, words.results), { query: state.query })
            : fill(words.none, { query: state.query })
          : '';
  return (
    <>
      <search aria-label={words.title}>
        <form method="get" action={action} class="compare-form panel" onSubmit={submit}>
          <div>
            <label for="search-query">{words.label}</label>
            <input
              id="search-query"
              name="q"
              type="search"
              ref={field}
              autocomplete="off"
              value={query}
              onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">{words.submit}</button>
        </form>
      </search>
      <div id="search-status" role="status">
        {status}
      </div>
      <ol class="results" id="search-results">
        {state.kind === 'done' &&
          state.hits.map((hit) => (
            <li key={hit.url}>
              <a href={hit.url}>{hit.title}</a>
              <p>{hit.excerpt.map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : part.text))}</p>
            </li>
          ))}
      </ol>
    </>
  );
}
