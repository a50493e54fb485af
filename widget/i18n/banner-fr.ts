// The banner's words in French, a chunk loaded with the view: its strings, and the categories' titles in French only,
// projected at build from the declaration (`titlesIn`, widget/build.ts).
import type { Category } from '../core/categories.ts';
import { fr } from './fr.ts';
import type { BannerWords } from './translate.ts';

declare const __CONSENT_TITLES_FR__: Record<Category, string>;

export const words: BannerWords = { strings: fr, titles: __CONSENT_TITLES_FR__ };
