// Turns a table of strings into a translation function: what the view needs, without any table of its own.
import { fill } from '../../shared/fill.ts';
import type { WidgetKey } from './fr.ts';

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;
export type WidgetT = Translate<WidgetKey>;
export type { WidgetKey };

export const translator =
  <K extends string>(table: Record<K, string>): Translate<K> =>
  (key, vars) =>
    fill(table[key], vars);
