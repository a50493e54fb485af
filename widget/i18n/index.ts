// The widget's strings by language, with `{name}` placeholders. The banner's strings of one language load with the
// view (embed/index.ts imports fr.ts or en.ts); `widgetT` holds both, for tests and for the dialog's merged table.
import type { Lang } from '../core/categories.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { translator, type WidgetT } from './translate.ts';

export { type Translate, translator, type WidgetKey, type WidgetT } from './translate.ts';

export const widgetT = (lang: Lang): WidgetT => translator(lang === 'en' ? en : fr);
