// The preferences dialog in English: the component and its words in one chunk, loaded the first time it opens.
export { words } from '../i18n/dialog-en.ts';
export { Preferences } from '../view/Preferences.tsx';
