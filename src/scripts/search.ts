// Browser side of the search page: loads the Pagefind index built with the site (works offline) on first search.
import { fill } from '../../shared/fill.ts';
interface PagefindResult {
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }>;
}
interface Pagefind {
  search: (query: string) => Promise<{ results: PagefindResult[] }>;
}

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const input = document.querySelector<HTMLInputElement>('#search-query');
const statusLine = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
let pagefind: Promise<Pagefind> | undefined;

/** Pagefind marks matches with <mark> in an escaped excerpt: rebuild it as text and <mark> nodes only. */
function excerpt(html: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body;
  const walk = (parent: Node) => {
    for (const child of parent.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) fragment.append(child.textContent ?? '');
      else if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = child.textContent;
        fragment.append(mark);
      } else walk(child);
    }
  };
  walk(parsed);
  return fragment;
}

async function run(query: string) {
  if (!statusLine || !list || !form) return;
  const m = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, string>;
  list.replaceChildren();
  if (!query.trim()) {
    statusLine.textContent = '';
    return;
  }
  statusLine.textContent = m['loading'] ?? '';
  try {
    const index = '/pagefind/pagefind.js';
    pagefind ??= import(/* @vite-ignore */ index) as Promise<Pagefind>;
    const { results } = await (await pagefind).search(query);
    const found = await Promise.all(results.slice(0, 20).map((r) => r.data()));
    for (const item of found) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = item.url;
      a.textContent = item.meta.title ?? item.url;
      const p = document.createElement('p');
      p.append(excerpt(item.excerpt));
      li.append(a, p);
      list.append(li);
    }
    statusLine.textContent = fill(found.length ? (m['results'] ?? '') : (m['none'] ?? ''), {
      count: results.length,
      query,
    });
  } catch {
    statusLine.textContent = m['error'] ?? '';
  }
}

if (form && input) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
    void run(input.value);
  });
  const query = new URLSearchParams(location.search).get('q') ?? '';
  input.value = query;
  if (query) void run(query);
}
