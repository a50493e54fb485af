// The widget's strings by language, with `{name}` placeholders.
import { fill } from '../../shared/fill.ts';
import type { Lang } from '../core/categories.ts';
import { en } from './en.ts';
import { fr, type WidgetKey } from './fr.ts';

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;
export type WidgetT = Translate<WidgetKey>;

export const translator =
  <K extends string>(table: Record<K, string>): Translate<K> =>
  (key, vars) =>
    fill(table[key], vars);

export const widgetT = (lang: Lang): WidgetT => translator(lang === 'en' ? en : fr);
export type { WidgetKey };
