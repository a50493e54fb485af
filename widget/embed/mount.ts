// Puts the widget's view into the page, each part in a shadow root that the host page's styles cannot reach.
// Loaded only when something must be drawn: a visitor whose choice stands never downloads Preact, strings or styles.
import { h, render } from 'preact';
import type { Lang, ViewDigest } from '../declaration.ts';
import type { WidgetKey } from '../i18n/fr.ts';
import { translator } from '../i18n/translate.ts';
import { Core, type CoreApi } from '../view/core.ts';
import { Placeholder } from '../view/Placeholder.tsx';
import { Widget } from '../view/Root.tsx';
import css from '../view/styles.css?inline';
import type { EmbedConfig } from './config.ts';
import type { GateSpec } from './gate.ts';
import { receiptFileName, receiptOf } from '../core/receipt.ts';

import { type Page, afterDecision as settle } from './decided.ts';
import type { ConsentRecord } from '../core/record.ts';

/** Built into this chunk: the partners, titles and cookies (widget/vite.config.ts). */
declare const __CONSENT_VIEW__: ViewDigest;
const declaration = __CONSENT_VIEW__;

/** What a decision does beyond the consent cookie (./decided.ts), with this chunk's cookie declaration. */
export const afterDecision = (record: ConsentRecord, page: Omit<Page, 'declaration'>) =>
  settle(record, { ...page, declaration });

let sheet: CSSStyleSheet | undefined;

/** A shadow root with the widget's styles: a constructed stylesheet needs no inline-style allowance in a CSP. */
function isolated(host: HTMLElement): ShadowRoot {
  const shadow = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  shadow.adoptedStyleSheets = [sheet];
  return shadow;
}

/** The banner's strings in the widget's language, loaded beside this chunk. */
export type Strings = Record<WidgetKey, string>;

export function mountWidget(
  config: EmbedConfig,
  site: string,
  core: Omit<CoreApi, 'receiptOf' | 'receiptFileName'>,
  strings: Strings,
): void {
  const host = document.createElement('div');
  host.id = 'citim-consent';
  // The widget's language, which may not be the page's (WCAG 3.1.2).
  host.lang = config.lang;
  const shadow = isolated(host);
  // Last in the page: the page's own skip link and landmarks come first, and one Shift+Tab from the top reaches it.
  document.body.append(host);
  // What the banner names before any choice (Law 25, s. 8.1: consent "specific" and "informed"; CNIL guidance).
  const purposes = declaration.categories.slice(1).map((c) => c.title[config.lang].toLowerCase());
  const widget = h(Widget, {
    t: translator(strings),
    strings,
    lang: config.lang,
    links: config.links,
    maxAgeDays: config.maxAgeDays,
    site,
    purposes,
    partners: declaration.partners,
  });
  render(h(Core.Provider, { value: { ...core, receiptOf, receiptFileName } }, widget), shadow);
}

/** A placeholder for gated content, naming its provider or category in the widget's language. */
export function renderGate(spec: GateSpec, strings: Strings, lang: Lang): void {
  const category = declaration.categories.find((c) => c.id === spec.category)?.title[lang] ?? spec.category;
  spec.host.lang = lang;
  render(
    h(Placeholder, {
      t: translator(strings),
      provider: spec.provider,
      category,
      allows: spec.service ? spec.provider : category,
      onLoad: spec.onLoad,
      onAllow: spec.onAllow,
    }),
    isolated(spec.host),
  );
}
