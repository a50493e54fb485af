// A placeholder's words in English, a chunk loaded the first time an embed is blocked: its strings, and the categories'
// titles in English only, projected at build from the declaration (`titlesIn`, widget/build.ts).
import type { Category } from '../core/categories.ts';
import { enGate } from './en-gate.ts';
import type { GateWords } from './translate.ts';

declare const __CONSENT_TITLES_EN__: Record<Category, string>;

export const words: GateWords = { strings: enGate, titles: __CONSENT_TITLES_EN__ };
