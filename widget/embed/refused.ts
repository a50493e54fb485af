// What a decision deletes: the page's cookies that the services it refuses declare. Its own chunk, loaded with the
// first decision of a page's life: neither a page whose visitor's choice stands nor a first visit's banner carries it.
// It imports nothing at run time that consent.js has (consent.js exports nothing, see widget/vite.config.ts): what it
// needs of that is handed over.
import type { Category, CookieSource } from '../core/categories.ts';
import { cookieNames, cookiesOf } from '../core/withdrawal.ts';

/** Built into this chunk: each service's first-party cookies (widget/vite.config.ts). */
declare const __CONSENT_COOKIES__: CookieSource;

/**
 * Every service not allowed loses its declared cookies, whatever was allowed before: after a renewal the pending
 * state is "nothing", yet cookies of the earlier "yes" are still there.
 */
export function deleteRefused(
  refused: (category: Category, service: string) => boolean,
  remove: (name: string) => void,
  declaration: CookieSource = __CONSENT_COOKIES__,
): void {
  for (const name of cookiesOf(declaration, refused, cookieNames(document.cookie))) remove(name);
}
