// Every public page in both languages, paired with its counterpart: what the sitemap lists, with its alternates.
// Pages that answer one person (request status), a query (search) or nothing yet (a comparison with one version) are
// left out on purpose, and say `noindex` themselves.
import { declarations } from '../../widget/index.ts';
import { paths } from '../paths.ts';
import { LANGS, type Lang } from '../site.config.ts';
import { publishedDocuments } from './collection.ts';

/** One page and its counterpart in the other language, when there is one. */
export type PagePair = Partial<Record<Lang, string>>;

export async function publicPages(): Promise<PagePair[]> {
  const pairs = new Map<string, PagePair>();
  const add = (key: string, lang: Lang, path: string) => {
    const pair = pairs.get(key) ?? {};
    pair[lang] = path;
    pairs.set(key, pair);
  };
  for (const lang of LANGS) {
    add('home', lang, paths.home(lang));
    add('cookies', lang, paths.cookies(lang));
    for (const { revision } of declarations.revisions)
      add(`cookies/${revision}`, lang, paths.cookieRevision(lang, revision));
    add('request', lang, paths.request(lang));
  }
  for (const state of await publishedDocuments()) {
    const { document: id, lang, versions } = state;
    add(`${id}`, lang, paths.document(lang, id));
    add(`${id}/history`, lang, paths.history(lang, id));
    add(`${id}/follow`, lang, paths.follow(lang, id));
    if (versions.length > 1) add(`${id}/compare`, lang, paths.compare(lang, id));
    versions.forEach((v, i) => {
      add(`${id}/${v.data.version}`, lang, paths.version(lang, id, v.data.version));
      const before = versions[i - 1];
      if (before) {
        const pair = [before.data.version, v.data.version] as const;
        add(`${id}/${pair.join('-')}`, lang, paths.comparePair(lang, id, ...pair));
      }
    });
  }
  return [...pairs.values()];
}

let built: Promise<Map<string, PagePair>> | undefined;
/** The pairs, keyed by each of their addresses: a page finds its counterpart here (built once per build). */
export function counterparts(): Promise<Map<string, PagePair>> {
  built ??= publicPages().then((pairs) => {
    const byPath = new Map<string, PagePair>();
    for (const pair of pairs) for (const path of Object.values(pair)) byPath.set(path, pair);
    return byPath;
  });
  return built;
}
