// Gated content in the page: `<script type="text/plain" data-consent="…">` runs, and `<iframe data-consent data-src>`
// loads, only once its category is accepted; also for elements added later.
import { allowedBy, OPTIONAL, type Optional, type Services } from '../core/categories.ts';
import type { Choices } from '../core/record.ts';
import type { PlaceholderProps } from '../view/Placeholder.tsx';

/** A blocked iframe's placeholder to draw into `host`: who provides the content, and what its two buttons do. */
export type GateSpec = Omit<PlaceholderProps, 't' | 'category' | 'allows'> & {
  host: HTMLElement;
  category: Optional;
  service?: string | undefined;
};

export interface GateOptions {
  /** Draws the placeholder for a blocked iframe. */
  placeholder: (spec: GateSpec) => void;
  /** "Always allow" on a placeholder: the embed's service when it names one (`data-service`), else its category. */
  allow: (category: Optional, service?: string) => void;
}

const isOptional = (c: string | undefined): c is Optional => (OPTIONAL as readonly string[]).includes(c ?? '');
const PLACEHOLDER = 'citim-consent-gate';

export function createGates(doc: Document, options: GateOptions) {
  /** Categories whose scripts have run: they cannot be unrun, so withdrawing them needs a reload. */
  /** What has run, as `category` or `category:service`. */
  const ran = new Set<string>();
  let services: Services = {};
  let choices: Choices | undefined;

  /**
   * The page's own element, taken out and put back with a type that runs: a copy would lose the nonce the browser
   * hid after parsing (a CSP with a nonce), and text written into a new element is refused under Trusted Types. An
   * element never run (its type was not JavaScript) runs when it is connected again.
   */
  function runScript(script: HTMLScriptElement, category: Optional) {
    const { parentNode, nextSibling } = script;
    script.remove();
    script.removeAttribute('data-consent');
    script.type = script.dataset['type'] ?? 'text/javascript';
    parentNode?.insertBefore(script, nextSibling);
    const service = script.dataset['service'];
    ran.add(service ? `${category}:${service}` : category);
  }

  /** An embed's address, if it is a web page: a `javascript:` or `data:` address would run in this page's origin. */
  const webAddress = (frame: HTMLIFrameElement) => {
    const src = frame.dataset['src'] ?? '';
    return /^https?:$/.test(URL.parse(src, doc.baseURI)?.protocol ?? '') ? src : null;
  };

  function placeholderFor(frame: HTMLIFrameElement, category: Optional): HTMLElement {
    const existing = frame.previousElementSibling;
    if (existing?.localName === PLACEHOLDER) return existing as HTMLElement;
    const host = doc.createElement(PLACEHOLDER);
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
    return host;
  }

  function show(frame: HTMLIFrameElement, placeholder?: Element | null) {
    frame.hidden = false;
    placeholder?.remove();
  }

  function handle(el: Element) {
    const category = (el as HTMLElement).dataset['consent'];
    if (!isOptional(category) || !choices) return;
    // A service the person chose on its own follows that choice; anything else follows its category.
    const allowed = allowedBy(choices, services, category, (el as HTMLElement).dataset['service']);
    if (el instanceof HTMLScriptElement) {
      if (el.type === 'text/plain' && allowed) runScript(el, category);
    } else if (el instanceof HTMLIFrameElement) {
      const placeholder = el.previousElementSibling?.localName === PLACEHOLDER ? el.previousElementSibling : null;
      if (allowed || 'consentLoaded' in el.dataset) {
        const src = webAddress(el);
        if (src && el.getAttribute('src') !== src) el.src = src;
        show(el, placeholder);
      } else {
        // Withdrawn or never given: unload it and stand the placeholder in its place.
        if (el.hasAttribute('src')) el.removeAttribute('src');
        el.hidden = true;
        placeholderFor(el, category);
      }
    }
  }

  const scan = (root: ParentNode) => {
    for (const el of root.querySelectorAll('script[data-consent], iframe[data-consent]')) handle(el);
  };

  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('script[data-consent], iframe[data-consent]')) handle(node);
        else scan(node);
      }
  }).observe(doc.documentElement, { childList: true, subtree: true });

  return {
    ran,
    apply(next: Choices, nextServices: Services = {}) {
      choices = next;
      services = nextServices;
      scan(doc);
    },
  };
}
