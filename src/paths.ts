// Every address the portal publishes, per language: pages link through these, never by hand-built strings.
import { NOT_FOUND_PAGES, REQUEST_PAGES } from '../shared/addresses.ts';

export { NOT_FOUND_PAGES };
import { DOCUMENTS, type DocumentId, type Lang } from './site.config.ts';

const segment = {
  history: { fr: 'historique', en: 'history' },
  follow: { fr: 'suivre', en: 'follow' },
  compare: { fr: 'comparer', en: 'compare' },
  search: { fr: 'recherche', en: 'search' },
  cookies: { fr: 'temoins', en: 'cookies' },
} as const satisfies Record<string, Record<Lang, string>>;

const doc = (lang: Lang, id: DocumentId) => `/${lang}/${DOCUMENTS[id].slug[lang]}/`;

export const paths = {
  home: (lang: Lang) => `/${lang}/`,
  document: doc,
  version: (lang: Lang, id: DocumentId, version: string) => `${doc(lang, id)}${version}/`,
  history: (lang: Lang, id: DocumentId) => `${doc(lang, id)}${segment.history[lang]}/`,
  compare: (lang: Lang, id: DocumentId) => `${doc(lang, id)}${segment.compare[lang]}/`,
  comparePair: (lang: Lang, id: DocumentId, from: string, to: string) =>
    `${doc(lang, id)}${segment.compare[lang]}/${from}-${to}/`,
  /** The text of one version as blocks, for comparisons computed in the browser. */
  blocks: (lang: Lang, id: DocumentId, version: string) => `${doc(lang, id)}blocks/${version}.json`,
  feed: (lang: Lang, id: DocumentId) => `${doc(lang, id)}atom.xml`,
  /** The feed explained in plain words, with what it announces: where the feed links of the pages lead. */
  follow: (lang: Lang, id: DocumentId) => `${doc(lang, id)}${segment.follow[lang]}/`,
  search: (lang: Lang) => `/${lang}/${segment.search[lang]}/`,
  cookies: (lang: Lang) => `/${lang}/${segment.cookies[lang]}/`,
  /** One revision of the cookie declaration, as it was published: what a consent receipt's revision points to. */
  cookieRevision: (lang: Lang, revision: number) => `/${lang}/${segment.cookies[lang]}/revision-${revision}/`,
  request: (lang: Lang) => REQUEST_PAGES.form[lang],
  /** The privacy officer's inbox (not public: noindex, outside the sitemap). */
  officer: (lang: Lang) => (lang === 'fr' ? '/fr/responsable/' : '/en/officer/'),
  /** The officer's guide (docs/officer.<lang>.md), linked from the inbox. */
  officerGuide: (lang: Lang) => (lang === 'fr' ? '/fr/responsable/guide/' : '/en/officer/guide/'),
  /** The requester's status page; the function fills it in (function/http/pages.ts). */
  requestStatus: (lang: Lang) => REQUEST_PAGES.status[lang],
};

/** The address segments a dynamic route must produce, so a route file never spells them itself. */
export const segments = segment;
