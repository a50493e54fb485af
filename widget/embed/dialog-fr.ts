// The preferences dialog in French: the component and its words in one chunk, loaded the first time it opens.
export { words } from '../i18n/dialog-fr.ts';
export { Preferences } from '../view/Preferences.tsx';
