// The optional "cookie preferences" button (`data-reopen-button` on the script tag): a way back to the choice, to change
// or withdraw it, on pages that have no `data-consent-open` link of their own. At the end of the page and in its flow,
// not floating over it, so that it covers nothing at any zoom; a few hundred bytes, without Preact.
import type { Lang } from '../core/categories.ts';

const WORDS: Record<Lang, string> = { fr: 'Préférences de témoins', en: 'Cookie preferences' };
// The browser's own button (its focus ring, its colours in dark mode), at a size the page's styles cannot shrink.
const CSS = ':host{display:block!important;padding:8px 16px}button{font:15px system-ui,sans-serif;min-height:44px}';

export function addReopenButton(lang: Lang, open: () => void): void {
  const host = document.createElement('div');
  host.id = 'citim-consent-reopen';
  host.lang = lang;
  host.dir = 'ltr';
  // Focus given back to the host (when the dialog closes) lands on the button.
  const shadow = host.attachShadow({ mode: 'open', delegatesFocus: true });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = WORDS[lang];
  button.addEventListener('click', open);
  shadow.append(button);
  document.body.append(host);
}
