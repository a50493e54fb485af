// The widget's visible part, loaded only when something must be shown (banner, dialog, blocked embed):
// a visitor whose choice stands never downloads Preact, the strings or the styles.
import { h, render } from 'preact';
import type { Optional } from '../core/categories.ts';
import { widgetT } from '../i18n/index.ts';
import css from '../view/styles.css?inline';
import { Gate } from '../view/Gate.tsx';
import { type Links, Widget } from '../view/Widget.tsx';
import type { Defaults, EmbedConfig } from './config.ts';

/** Constructed stylesheets need no inline-style allowance in the page's Content-Security-Policy. */
function sheet(text: string) {
  const s = new CSSStyleSheet();
  s.replaceSync(text);
  return s;
}

/** A shadow root the host page's styles cannot reach, with the widget's styles in it. */
function isolated(host: HTMLElement): ShadowRoot {
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet(css)];
  return shadow;
}

export function mountWidget(config: EmbedConfig, site: string): void {
  const root = document.createElement('div');
  root.id = 'citim-consent';
  const shadow = isolated(root);
  // Last in the page: the page's own skip link and landmarks come first, and one Shift+Tab from the top reaches it.
  document.body.append(root);
  const links: Links = config.links;
  render(
    h(Widget, {
      t: widgetT(config.lang),
      lang: config.lang,
      links,
      maxAgeDays: config.maxAgeDays,
      site,
      addStyles: (text: string) => {
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet(text)];
      },
    }),
    shadow,
  );
  // While the banner covers the bottom of the window, keep focused elements above it (WCAG 2.2, 2.4.11).
  // Sizes come from a ResizeObserver, which needs no forced layout.
  let watched: Element | null = null;
  const sizes = new ResizeObserver(([entry]) => {
    document.documentElement.style.scrollPaddingBottom = entry ? `${entry.borderBoxSize[0]?.blockSize ?? 0}px` : '';
  });
  const watch = () => {
    const banner = shadow.querySelector('.cc-banner');
    if (banner === watched) return;
    sizes.disconnect();
    watched = banner;
    if (banner) sizes.observe(banner);
    else document.documentElement.style.scrollPaddingBottom = '';
  };
  new MutationObserver(watch).observe(shadow, { childList: true, subtree: true });
  watch();
}

export interface GateSpec {
  host: HTMLElement;
  provider: string;
  category: Optional;
  onLoad: () => void;
  onAllow: () => void;
}

export function renderGate(spec: GateSpec, config: EmbedConfig, titles: Defaults['declaration']['titles']): void {
  render(
    h(Gate, { t: widgetT(config.lang), provider: spec.provider, category: titles[spec.category][config.lang], onLoad: spec.onLoad, onAllow: spec.onAllow }),
    isolated(spec.host),
  );
}
