// The widget's view in French, built apart from consent.js and from the view in the other language (widget/build.ts):
// Preact, the banner and its words in one file; the dialog and a blocked embed's placeholder in a chunk each, with their
// words. A page downloads one language only.
import { words } from '../i18n/banner-fr.ts';
import { viewIn } from './mount.ts';

export const { mountWidget, renderGate } = viewIn(
  words,
  () => import('./dialog-fr.ts'),
  () => import('./placeholder-fr.ts'),
);
