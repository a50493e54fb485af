// The widget's strings by language, with `{name}` placeholders.
import type { Lang } from '../core/categories.ts';
import { en } from './en.ts';
import { fr, type WidgetKey } from './fr.ts';

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;
export type WidgetT = Translate<WidgetKey>;

export const translator =
  <K extends string>(table: Record<K, string>): Translate<K> =>
  (key, vars = {}) =>
    table[key].replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

export const widgetT = (lang: Lang): WidgetT => translator(lang === 'en' ? en : fr);
export type { WidgetKey };
