// Gated iframes (`<iframe data-consent data-src>`), in a chunk loaded the first time a page has one: a blocked frame
// has no address and a placeholder in front of it; an allowed one, or one loaded on request, gets its address back.
import type { Optional } from '../core/categories.ts';
import type { PlaceholderProps } from '../view/Placeholder.tsx';

/** A blocked iframe's placeholder to draw into `host`: who provides the content, and what its two buttons do. */
export type GateSpec = Omit<PlaceholderProps, 't' | 'category' | 'allows'> & {
  host: HTMLElement;
  category: Optional;
  service?: string | undefined;
};

export interface FrameOptions {
  /** Draws the placeholder for a blocked iframe. */
  placeholder: (spec: GateSpec) => void;
  /** "Always allow" on a placeholder: the embed's service when it names one (`data-service`), else its category. */
  allow: (category: Optional, service?: string) => void;
}

const PLACEHOLDER = 'citim-consent-gate';

/** An embed's address, if it is a web page: a `javascript:` or `data:` address would run in this page's origin. */
const webAddress = (frame: HTMLIFrameElement) => {
  const src = frame.dataset['src'] ?? '';
  return /^https?:$/.test(URL.parse(src, frame.ownerDocument.baseURI)?.protocol ?? '') ? src : null;
};

function show(frame: HTMLIFrameElement, placeholder?: Element | null) {
  frame.hidden = false;
  placeholder?.remove();
}

/** What to do with a gated iframe, allowed or not, each time the decision changes (gate.ts `frame`). */
export function createFrames(options: FrameOptions) {
  function placeholderFor(frame: HTMLIFrameElement, category: Optional) {
    if (frame.previousElementSibling?.localName === PLACEHOLDER) return;
    const host = frame.ownerDocument.createElement(PLACEHOLDER);
    frame.before(host);
    options.placeholder({
      host,
      provider: frame.dataset['provider'] ?? frame.title ?? '',
      category,
      service: frame.dataset['service'],
      onLoad: () => {
        frame.dataset['consentLoaded'] = '';
        const src = webAddress(frame);
        if (src) frame.src = src;
        show(frame, host);
      },
      onAllow: () => options.allow(category, frame.dataset['service']),
    });
  }

  return (frame: HTMLIFrameElement, category: Optional, allowed: boolean) => {
    const placeholder = frame.previousElementSibling?.localName === PLACEHOLDER ? frame.previousElementSibling : null;
    if (allowed || 'consentLoaded' in frame.dataset) {
      const src = webAddress(frame);
      if (src && frame.getAttribute('src') !== src) frame.src = src;
      show(frame, placeholder);
    } else {
      // Withdrawn or never given: unload it and stand the placeholder in its place.
      if (frame.hasAttribute('src')) frame.removeAttribute('src');
      frame.hidden = true;
      placeholderFor(frame, category);
    }
  };
}
