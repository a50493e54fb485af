// Gated iframes (`<iframe data-consent data-src>`), in a chunk loaded the first time a page has one: a blocked frame
// has no address and a placeholder in front of it; an allowed one, or one loaded on request, gets its address back.
// Pages change under it: a frame taken out of the page takes its placeholder with it, and a frame moved keeps one.
import type { Optional } from '../core/categories.ts';
import type { PlaceholderProps } from '../view/Placeholder.tsx';
import { attr } from './gate.ts';

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
  const src = attr(frame, 'data-src') ?? '';
  return /^https?:$/.test(URL.parse(src, frame.ownerDocument.baseURI)?.protocol ?? '') ? src : null;
};

/** What to do with a gated iframe, allowed or not, each time the decision changes or the page moves it (gate.ts). */
export function createFrames(options: FrameOptions) {
  /** Each frame's placeholder, wherever the page has put either. */
  const placeholders = new WeakMap<HTMLIFrameElement, HTMLElement>();

  function show(frame: HTMLIFrameElement) {
    frame.hidden = false;
    placeholders.get(frame)?.remove();
    placeholders.delete(frame);
  }

  function placeholderFor(frame: HTMLIFrameElement, category: Optional) {
    const drawn = placeholders.get(frame);
    // Moved by a framework: the same placeholder goes along, in front of it.
    if (drawn) {
      if (frame.previousElementSibling !== drawn) {
        drawn.remove();
        frame.before(drawn);
      }
      return;
    }
    const host = frame.ownerDocument.createElement(PLACEHOLDER);
    // The widget's languages read left to right, whatever the page's direction.
    host.dir = 'ltr';
    placeholders.set(frame, host);
    frame.before(host);
    const provider = attr(frame, 'data-provider') ?? frame.title;
    options.placeholder({
      host,
      provider,
      name: frame.title || provider,
      category,
      service: attr(frame, 'data-service'),
      onLoad: () => {
        // Taken out of the page since: nothing to load.
        if (!frame.isConnected) return;
        frame.setAttribute('data-consent-loaded', '');
        const src = webAddress(frame);
        if (src) frame.src = src;
        show(frame);
      },
      onAllow: () => options.allow(category, attr(frame, 'data-service')),
    });
  }

  return {
    /** The frame as the decision now stands; a frame no longer in the page is left alone, and never loads. */
    handle(frame: HTMLIFrameElement, category: Optional, allowed: boolean) {
      if (!frame.isConnected) return;
      if (allowed || frame.hasAttribute('data-consent-loaded')) {
        const src = webAddress(frame);
        if (src && frame.getAttribute('src') !== src) frame.src = src;
        show(frame);
      } else {
        // Withdrawn or never given: unload it and stand the placeholder in its place.
        if (frame.hasAttribute('src')) frame.removeAttribute('src');
        frame.hidden = true;
        placeholderFor(frame, category);
      }
    },
    /** A frame the page took out: its placeholder goes too, unless the frame came back (a move). */
    removed(frame: HTMLIFrameElement) {
      if (frame.isConnected) return;
      placeholders.get(frame)?.remove();
      placeholders.delete(frame);
    },
  };
}
