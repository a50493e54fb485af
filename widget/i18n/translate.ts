// Turns a table of strings into a translation function: what the view needs, without any table of its own.
import { fill } from '../../shared/fill.ts';
import type { Category } from '../core/categories.ts';
import type { WidgetKey } from './fr.ts';
import type { GateKey } from './fr-gate.ts';

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;
export type WidgetT = Translate<WidgetKey>;
export type GateT = Translate<GateKey>;
export type { GateKey, WidgetKey };

export const translator =
  <K extends string>(table: Record<K, string>): Translate<K> =>
  (key, vars) =>
    fill(table[key], vars);

/** What the view needs in one language before the dialog: a chunk per language (banner-fr.ts, banner-en.ts). */
export interface BannerWords {
  strings: Record<WidgetKey, string>;
  /** Each category's title, in the declaration's order: the banner names them. */
  titles: Record<Category, string>;
}

/** What a blocked embed's placeholder needs in one language: a chunk per language (gate-fr.ts, gate-en.ts). */
export interface GateWords {
  strings: Record<GateKey, string>;
  /** The title of the category an embed waits for. */
  titles: Record<Category, string>;
}
