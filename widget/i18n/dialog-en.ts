// The preferences dialog's words in English, a chunk loaded the first time the dialog opens: its strings, and the
// declaration in English only, projected at build (`inLanguage`, widget/build.ts).
import type { LocalCategory } from '../declaration/index.ts';
import type { DialogWords } from './dialog.ts';
import { enDialog } from './en-dialog.ts';

declare const __CONSENT_DECLARATION_EN__: LocalCategory[];

export const words: DialogWords = { strings: enDialog, categories: __CONSENT_DECLARATION_EN__ };
