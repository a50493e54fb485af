// Puts the widget's view into the page, each part in a shadow root that the host page's styles cannot reach. Built
// once per language (view-fr.ts, view-en.ts) and loaded only when something must be drawn: a visitor whose choice
// stands never downloads Preact, strings or styles.
import type { ViewDigest } from '../declaration/index.ts';
import type { BannerWords } from '../i18n/translate.ts';
import type { CoreApi } from '../view/core.ts';
import css from '../view/styles.css?inline';
import type { EmbedConfig } from './config.ts';
import { type DialogChunk, drawWidget, type Fixed } from './draw.ts';
import type { GateSpec } from './frames.ts';

/** Built into this file: the partners (widget/build.ts). */
declare const __CONSENT_VIEW__: ViewDigest;
/** The portal's policy and comparison addresses in this file's language (widget/build.ts). */
declare const __CONSENT_LINKS__: { policy: string; compare: string };
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

/**
 * The view in one language: the banner with its words, the dialog and a blocked embed's placeholder each from a chunk
 * that holds its words too.
 */
export const viewIn = (
  { strings, titles }: BannerWords,
  dialog: () => Promise<DialogChunk>,
  placeholder: () => Promise<{ renderGate: (spec: GateSpec) => void }>,
) => ({
  mountWidget(config: EmbedConfig, site: string, core: CoreApi, receipts: Fixed['receipts']): void {
    const host = document.createElement('div');
    host.id = 'citim-consent';
    // The widget's language, which may not be the page's (WCAG 3.1.2).
    host.lang = config.lang;
    // French and English read left to right, on a right-to-left page too.
    host.dir = 'ltr';
    const shadow = isolated(host);
    // Last in the page: the page's own skip link and landmarks come first, and one Shift+Tab from the top reaches it.
    document.body.append(host);
    // What the banner names before any choice (Law 25, s. 8.1: consent "specific" and "informed"; CNIL guidance).
    const purposes = Object.entries(titles)
      .filter(([id]) => id !== 'necessary')
      .map(([, title]) => title.toLowerCase());
    drawWidget(shadow, core, {
      strings,
      banner: {
        links: {
          policy: config.links.policy ?? __CONSENT_LINKS__.policy,
          compare: config.links.compare ?? __CONSENT_LINKS__.compare,
        },
        maxAgeDays: config.maxAgeDays,
        purposes,
        partners: declaration.partners,
      },
      dialog: { lang: config.lang, site, maxAgeDays: config.maxAgeDays },
      load: dialog,
      receipts,
    });
  },
  /** A placeholder for gated content, naming its provider or category. */
  renderGate: (spec: GateSpec) => placeholder().then((m) => m.renderGate(spec)),
});
