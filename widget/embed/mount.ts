// Puts the widget's view into the page, each part in a shadow root that the host page's styles cannot reach.
// Loaded only when something must be drawn: a visitor whose choice stands never downloads Preact, strings or styles.
import type { ViewDigest } from '../declaration.ts';
import type { BannerWords } from '../i18n/translate.ts';
import type { CoreApi } from '../view/core.ts';
import css from '../view/styles.css?inline';
import type { EmbedConfig } from './config.ts';
import { drawWidget } from './draw.ts';

/** Built into this chunk: the partners (widget/vite.config.ts). */
declare const __CONSENT_VIEW__: ViewDigest;
const declaration = __CONSENT_VIEW__;

let sheet: CSSStyleSheet | undefined;

/** A shadow root with the widget's styles: a constructed stylesheet needs no inline-style allowance in a CSP. */
export function isolated(host: HTMLElement): ShadowRoot {
  const shadow = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  shadow.adoptedStyleSheets = [sheet];
  return shadow;
}

export function mountWidget(
  config: EmbedConfig,
  site: string,
  core: CoreApi,
  /** The banner's words in the widget's language, loaded beside this chunk. */
  { strings, titles }: BannerWords,
): void {
  const host = document.createElement('div');
  host.id = 'citim-consent';
  // The widget's language, which may not be the page's (WCAG 3.1.2).
  host.lang = config.lang;
  const shadow = isolated(host);
  // Last in the page: the page's own skip link and landmarks come first, and one Shift+Tab from the top reaches it.
  document.body.append(host);
  // What the banner names before any choice (Law 25, s. 8.1: consent "specific" and "informed"; CNIL guidance).
  const purposes = Object.entries(titles)
    .filter(([id]) => id !== 'necessary')
    .map(([, title]) => title.toLowerCase());
  drawWidget(shadow, core, {
    strings,
    banner: { links: config.links, maxAgeDays: config.maxAgeDays, purposes, partners: declaration.partners },
    dialog: { lang: config.lang, site, maxAgeDays: config.maxAgeDays },
    words: () =>
      (config.lang === 'en' ? import('../i18n/dialog-en.ts') : import('../i18n/dialog-fr.ts')).then((m) => m.words),
  });
}
