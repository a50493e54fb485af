// The preferences dialog's words in French, a chunk loaded the first time the dialog opens: its strings, and the
// declaration in French only, projected at build (`inLanguage`, widget/build.ts).
import type { LocalCategory } from '../declaration/index.ts';
import type { DialogWords } from './dialog.ts';
import { frDialog } from './fr-dialog.ts';

declare const __CONSENT_DECLARATION_FR__: LocalCategory[];

export const words: DialogWords = { strings: frDialog, categories: __CONSENT_DECLARATION_FR__ };
