// A placeholder's words in French, a chunk loaded the first time an embed is blocked: its strings, and the categories'
// titles in French only, projected at build from the declaration (`titlesIn`, widget/build.ts).
import type { Category } from '../core/categories.ts';
import { frGate } from './fr-gate.ts';
import type { GateWords } from './translate.ts';

declare const __CONSENT_TITLES_FR__: Record<Category, string>;

export const words: GateWords = { strings: frGate, titles: __CONSENT_TITLES_FR__ };
