// The banner's words in English, a chunk loaded with the view: its strings, and the categories' titles in English only,
// projected at build from the declaration (`titlesIn`, widget/build.ts).
import type { Category } from '../core/categories.ts';
import { en } from './en.ts';
import type { BannerWords } from './translate.ts';

declare const __CONSENT_TITLES_EN__: Record<Category, string>;

export const words: BannerWords = { strings: en, titles: __CONSENT_TITLES_EN__ };
