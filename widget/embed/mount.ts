// Puts the widget's view into the page: each part in a shadow root that the host page's styles cannot reach.
import { declaration } from '../declaration.ts';
import { widgetT } from '../i18n/index.ts';
import { placeholder } from '../view/placeholder.ts';
import { renderWidget } from '../view/root.ts';
import css from '../view/styles.css?inline';
import type { EmbedConfig } from './config.ts';
import type { GateSpec } from './gate.ts';

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

export function mountWidget(config: EmbedConfig, site: string): void {
  const host = document.createElement('div');
  host.id = 'citim-consent';
  const shadow = isolated(host);
  // Last in the page: the page's own skip link and landmarks come first, and one Shift+Tab from the top reaches it.
  document.body.append(host);
  renderWidget(shadow, { t: widgetT(config.lang), lang: config.lang, links: config.links, maxAgeDays: config.maxAgeDays, site });
}

export function renderGate(spec: GateSpec, config: EmbedConfig): void {
  const title = declaration.categories.find((c) => c.id === spec.category)!.title[config.lang];
  isolated(spec.host).append(placeholder({ t: widgetT(config.lang), provider: spec.provider, category: title, onLoad: spec.onLoad, onAllow: spec.onAllow }));
}
