// The words each island shows, as plain props: built on the server from the string tables, so no table ships.
import { strings, type Translate, type UiKey } from '../i18n/index.ts';
import { statusNames, typeNames } from '../../shared/request-names.ts';
import { declaration } from '../../widget/index.ts';
import { replies } from './replies.ts';
import type { Lang } from '../site.config.ts';

export const comparisonWords = (t: Translate) => ({
  inserted: t('compare.inserted'),
  deleted: t('compare.deleted'),
  blockInserted: t('compare.blockInserted'),
  blockDeleted: t('compare.blockDeleted'),
  stats: t('compare.stats'),
  passages: { one: t('compare.passages.one'), other: t('compare.passages.other') },
  added: { one: t('compare.added.one'), other: t('compare.added.other') },
  removed: { one: t('compare.removed.one'), other: t('compare.removed.other') },
  none: t('compare.none'),
  legend: t('compare.legend'),
  changesOnly: t('compare.changesOnly'),
  sections: t('compare.sections'),
});
export type ComparisonWords = ReturnType<typeof comparisonWords>;

export const navigatorWords = (t: Translate) => ({
  previous: t('compare.previous'),
  next: t('compare.next'),
  position: t('compare.position'),
  keys: t('compare.keys'),
});
export type NavigatorWords = ReturnType<typeof navigatorWords>;

export const compareAppWords = (t: Translate) => ({
  comparison: comparisonWords(t),
  navigator: navigatorWords(t),
  from: t('compare.from'),
  to: t('compare.to'),
  submit: t('compare.submit'),
  pairTitle: t('compare.pairTitle'),
  same: t('compare.same'),
  loading: t('compare.loading'),
  error: t('compare.error'),
  unknown: t('compare.unknown'),
});
export type CompareAppWords = ReturnType<typeof compareAppWords>;

export const searchWords = (t: Translate) => ({
  title: t('search.title'),
  label: t('search.label'),
  submit: t('search.submit'),
  results: { one: t('search.results.one'), other: t('search.results.other') },
  none: t('search.none'),
  loading: t('search.loading'),
  error: t('search.error'),
});
export type SearchWords = ReturnType<typeof searchWords>;

type RequestKey = Extract<UiKey, `request.${string}`>;
/** Every `request.*` string: the form shows nearly all of them. */
export const requestWords = (lang: Lang) =>
  Object.fromEntries(Object.entries(strings[lang]).filter(([key]) => key.startsWith('request.'))) as Record<
    RequestKey,
    string
  >;
export type RequestWords = ReturnType<typeof requestWords>;

type OfficerKey = Extract<UiKey, `officer.${string}`>;
/** The inbox's words, with the short names of request types and statuses. */
export const officerWords = (lang: Lang) => ({
  ...(Object.fromEntries(Object.entries(strings[lang]).filter(([key]) => key.startsWith('officer.'))) as Record<
    OfficerKey,
    string
  >),
  types: typeNames[lang],
  statuses: statusNames[lang],
  /** Replies and type names in the requester's language, whatever the officer's. */
  replies,
  typesIn: typeNames,
  /** The cookie categories' titles, for the consent overview. */
  categories: Object.fromEntries(declaration.categories.map((c) => [c.id, c.title[lang]])) as Record<string, string>,
  /** The request's fields as the form names them. */
  fields: {
    name: strings[lang]['request.name'],
    email: strings[lang]['request.email'],
    phone: strings[lang]['request.phone'],
    fileNumber: strings[lang]['request.fileNumber'],
    relation: strings[lang]['request.relation'],
    language: strings[lang]['request.language'],
    replyFormat: strings[lang]['request.replyFormat'],
    capacity: strings[lang]['request.capacity'],
    details: strings[lang]['request.details'],
  },
  /** Field values as the form offered them (relation, capacity, reply format). */
  values: Object.fromEntries(
    Object.entries(strings[lang]).flatMap(([key, text]) => {
      const m = /^request\.(relation|capacity|replyFormat)\.([\w-]+)$/.exec(key);
      return m && !key.endsWith('.hint') ? [[`${m[1]}:${m[2]}`, text]] : [];
    }),
  ) as Record<string, string>,
});
export type OfficerWords = ReturnType<typeof officerWords>;
