// Search without a script, on the Node entry: the site writes its documents' text as this index at build
// (src/pages/search-index.json.ts), the function searches it when the search page is asked with words. The same rule
// as the page's own search (src/islands/SearchApp.tsx): a superseded version shows only where the words are not in
// the text in force, labelled with its version.

/** One section of a document's version: what a result links to. */
export interface SearchSection {
  heading: string;
  /** The section's anchor on the page, when it has one. */
  anchor?: string | undefined;
  text: string;
}

/** A page the search knows: a document in force (no `version`) or a superseded version of it. */
export interface SearchPage {
  lang: string;
  /** The document in its language (`fr/policy`): a superseded version stands aside for its document's current text. */
  document: string;
  title: string;
  url: string;
  version?: string | undefined;
  sections: SearchSection[];
}

export interface SearchHit {
  title: string;
  url: string;
  version?: string | undefined;
  excerpt: { text: string; mark: boolean }[];
}

/** Lower case, accents off: « Témoins » finds « temoins » and the other way round. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The words searched: letters and digits, two or more, at most eight. */
export const termsOf = (query: string) =>
  [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u))].filter((t) => t.length >= 2).slice(0, 8);

/** Some twenty words around the first match, the matching words marked. */
function excerpt(text: string, terms: string[]): SearchHit['excerpt'] {
  const words = text.split(/(\s+)/);
  const hits = (word: string) => terms.some((t) => fold(word).includes(t));
  const first = Math.max(0, words.findIndex(hits));
  const start = Math.max(0, first - 16);
  const slice = words.slice(start, first + 24);
  const parts: SearchHit['excerpt'] = start > 0 ? [{ text: '… ', mark: false }] : [];
  for (const word of slice) parts.push({ text: word, mark: !/^\s*$/.test(word) && hits(word) });
  if (first + 24 < words.length) parts.push({ text: ' …', mark: false });
  return parts;
}

/** The sections that hold every word of the query, best first, in one language, at most `limit`. */
export function searchPages(pages: readonly SearchPage[], query: string, lang: string, limit = 20): SearchHit[] {
  const terms = termsOf(query);
  if (!terms.length) return [];
  const found: { page: SearchPage; section: SearchSection; score: number }[] = [];
  for (const page of pages) {
    if (page.lang !== lang) continue;
    for (const section of page.sections) {
      const folded = fold(`${section.heading} ${section.text}`);
      if (!terms.every((t) => folded.includes(t))) continue;
      const score = terms.reduce((sum, t) => sum + folded.split(t).length - 1, 0);
      found.push({ page, section, score });
    }
  }
  const inForce = new Set(found.filter((f) => !f.page.version).map((f) => f.page.document));
  // Of the superseded versions of a document its text in force does not match, the most recent that matches.
  const latest = new Map<string, string>();
  for (const f of found)
    if (f.page.version && !inForce.has(f.page.document)) {
      const kept = latest.get(f.page.document);
      if (!kept || compareVersions(f.page.version, kept) > 0) latest.set(f.page.document, f.page.version);
    }
  return found
    .filter((f) => !f.page.version || latest.get(f.page.document) === f.page.version)
    .sort((a, b) => Number(!!a.page.version) - Number(!!b.page.version) || b.score - a.score)
    .slice(0, limit)
    .map(({ page, section }) => ({
      title: section.heading ? `${page.title} — ${section.heading}` : page.title,
      url: section.anchor ? `${page.url}#${section.anchor}` : page.url,
      version: page.version,
      excerpt: excerpt(section.text || section.heading, terms),
    }));
}

const compareVersions = (a: string, b: string) => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  return (x[0]! - y[0]!) * 10_000 + (x[1]! - y[1]!);
};
