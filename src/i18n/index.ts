// Interface strings by language, with `{name}` placeholders, and date formatting.
import { fill } from '../../shared/fill.ts';
import type { Lang } from '../site.config.ts';
import { en } from './en.ts';
import { fr, type UiKey } from './fr.ts';

export const strings: Record<Lang, Record<UiKey, string>> = { fr, en };

export type Translate = (key: UiKey, vars?: Record<string, string | number>) => string;

export function useTranslations(lang: Lang): Translate {
  const table = strings[lang];
  return (key, vars) => fill(table[key], vars);
}

/** A YYYY-MM-DD day in words, read as a calendar day so no time zone can shift it. */
export function formatDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

export type { UiKey };
