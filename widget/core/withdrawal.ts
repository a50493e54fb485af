// Which cookies a decision deletes: the page's cookies that the services it refuses declare (names or `*` patterns).
// Apart from the categories, so that only a decision (the view's chunk) carries it, not every page.
import type { Category, CookieDigest } from './categories.ts';

/** Whether a cookie name matches a declared name or `*` pattern. */
export function matchesCookie(pattern: string, name: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(name);
}

/** The cookies among `names` set by the services `refused` says no to: what a decision must delete. */
export function cookiesOf(
  digest: CookieDigest,
  refused: (category: Category, service: string) => boolean,
  names: readonly string[],
): string[] {
  const patterns = Object.entries(digest).flatMap(([category, services]) =>
    Object.entries(services).flatMap(([service, cookies]) => (refused(category as Category, service) ? cookies : [])),
  );
  return names.filter((n) => patterns.some((p) => matchesCookie(p, n)));
}

/** Names of the cookies the page can see, from `document.cookie`. */
export const cookieNames = (header: string) =>
  header
    .split(';')
    .map((p) => p.split('=')[0]!.trim())
    .filter(Boolean);
