// The site's forms answered without a script, on every entry: the compare page's form (two versions, a query) and
// the search box. The built pages come through `read`, a file of the build by its address (the Node entry's disk,
// the Workers assets binding), so that both entries answer them the same way.
import { Hono } from 'hono';
import { type SearchPage, searchPages } from '../../shared/search.ts';
import { renderSearch, switchAsking } from './pages.ts';

/** A file of the build by its address (`/fr/recherche/index.html`), or null when the build has none. */
export type ReadBuilt = (path: string) => Promise<string | null>;

const COMPARE = /^\/(fr|en)\/[\w-]+\/(comparer|compare)\/$/;
const VERSION = /^\d{1,4}\.\d{1,4}$/;
const SEARCH = /^\/(fr\/recherche|en\/search)\/$/;

export function siteForms(read: ReadBuilt) {
  const app = new Hono();
  let searchIndex: Promise<SearchPage[]> | undefined;

  // The compare page's form sent without a script (`?from=1.0&to=1.2`): the comparison made at build for those two
  // versions, older first (every such pair of a document of up to 12 versions is made; src/pages/…/[pair].astro). A
  // newer-to-older comparison is the compare page's own, in the browser.
  app.get('*', async (c, next) => {
    const [from, to] = [c.req.query('from') ?? '', c.req.query('to') ?? ''];
    if (!COMPARE.test(c.req.path) || !VERSION.test(from) || !VERSION.test(to) || from === to) return next();
    const pair = `${from}-${to}`;
    if ((await read(`${c.req.path}${pair}/index.html`)) !== null) return c.redirect(`${c.req.path}${pair}/`, 303);
    return next();
  });

  // The search page asked with words, without a script: results from the documents' text (shared/search.ts), the
  // build's index read once.
  app.get('*', async (c, next) => {
    const query = (c.req.query('q') ?? '').slice(0, 200).trim();
    if (!query || !SEARCH.test(c.req.path)) return next();
    const html = await read(`${c.req.path}index.html`);
    if (html === null) return next();
    searchIndex ??= read('/search-index.json').then((text) => (text ? (JSON.parse(text) as SearchPage[]) : []));
    const lang = c.req.path.startsWith('/en/') ? 'en' : 'fr';
    return c.html(renderSearch(html, query, searchPages(await searchIndex, query, lang)));
  });

  // Without a script, the language switch of a comparison asked with a query keeps the query: the other language's
  // page is asked the same.
  app.get('*', async (c, next) => {
    const query = new URL(c.req.url).search;
    if (!query || !COMPARE.test(c.req.path)) return next();
    const html = await read(`${c.req.path}index.html`);
    if (html === null) return next();
    return c.html(switchAsking(html, new URLSearchParams(query)));
  });

  return {
    app,
    /** Forgets the search index read from the build: a new build is in place. */
    forget: () => {
      searchIndex = undefined;
    },
  };
}
