// The words each island shows, as plain props: built on the server from the string tables, so no table ships.
import { strings, type Translate, type UiKey } from '../i18n/index.ts';
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
  superseded: t('search.superseded'),
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
