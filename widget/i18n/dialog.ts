// The dialog's strings joined to the banner's, both languages: for the cookie page; the widget loads one (dialog-fr).
import type { Lang } from '../core/categories.ts';
import type { LocalCategory } from '../declaration/index.ts';
import { enDialog } from './en-dialog.ts';
import { type DialogKey, frDialog } from './fr-dialog.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { type Translate, translator, type WidgetKey } from './translate.ts';

export type { DialogKey };
export type DialogT = Translate<WidgetKey | DialogKey>;

export const dialogT = (lang: Lang): DialogT =>
  translator(lang === 'en' ? { ...en, ...enDialog } : { ...fr, ...frDialog });

/** What the dialog adds to the banner's words in one language: a chunk per language (dialog-fr.ts, dialog-en.ts). */
export interface DialogWords {
  strings: Record<DialogKey, string>;
  categories: LocalCategory[];
}
