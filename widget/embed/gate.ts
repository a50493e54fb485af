// Gated content in the page: `<script type="text/plain" data-consent="…">` runs, and `<iframe data-consent data-src>`
// loads, only once its category is accepted; also for elements added later. Iframes are handed to frames.ts, a chunk
// loaded only by pages that have one.
import { allowedBy, OPTIONAL, type Optional, type Services } from '../core/categories.ts';
import type { Choices } from '../core/record.ts';

export interface GateOptions {
  /** A gated iframe, allowed or not now (frames.ts); called again on every change and when the page moves it. */
  frame: (frame: HTMLIFrameElement, category: Optional, allowed: boolean) => void;
  /** A gated iframe the page took out (or moved: it is in the page again by then). */
  removed: (frame: HTMLIFrameElement) => void;
}

/**
 * An attribute of the page's element, or undefined. Never `dataset`: a missing entry there is looked up on
 * Object.prototype, where a page's library may have planted it (`consentLoaded`, `type`, `service`).
 */
export const attr = (el: Element, name: string) => el.getAttribute(name) ?? undefined;

const isOptional = (c: string | undefined): c is Optional => (OPTIONAL as readonly string[]).includes(c ?? '');

export function createGates(doc: Document, options: GateOptions) {
  /** What has run, as `category` or `category:service`: it cannot be unrun, so withdrawing it needs a reload. */
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
    script.type = attr(script, 'data-type') ?? 'text/javascript';
    parentNode?.insertBefore(script, nextSibling);
    const service = attr(script, 'data-service');
    ran.add(service ? `${category}:${service}` : category);
  }

  function handle(el: Element) {
    const category = attr(el, 'data-consent');
    // Taken out of the page before the decision: it never runs nor loads (a framework may put it back; then it counts).
    if (!isOptional(category) || !choices || !el.isConnected) return;
    // A service the person chose on its own follows that choice; anything else follows its category.
    const allowed = allowedBy(choices, services, category, attr(el, 'data-service'));
    if (el instanceof HTMLScriptElement) {
      if (el.type === 'text/plain' && allowed) runScript(el, category);
    } else if (el instanceof HTMLIFrameElement) options.frame(el, category, allowed);
  }

  const scan = (root: ParentNode) => {
    for (const el of root.querySelectorAll('script[data-consent], iframe[data-consent]')) handle(el);
  };

  const gatedFrames = (node: Element) =>
    node.matches('iframe[data-consent]') ? [node] : [...node.querySelectorAll('iframe[data-consent]')];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.removedNodes)
        if (node instanceof Element) for (const frame of gatedFrames(node)) options.removed(frame as HTMLIFrameElement);
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches('script[data-consent], iframe[data-consent]')) handle(node);
        else scan(node);
      }
    }
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  return {
    ran,
    /** Stops watching the page (a test's end). */
    stop: () => observer.disconnect(),
    apply(next: Choices, nextServices: Services = {}) {
      choices = next;
      services = nextServices;
      scan(doc);
    },
  };
}
