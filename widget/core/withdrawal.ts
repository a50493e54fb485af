// Which cookies a decision deletes: the page's cookies that the services it refuses declare (names or `*` patterns).
// Apart from the categories, so that only a decision (the view's chunk) carries it, not every page.
import type { Category, CookieSource } from './categories.ts';

/** Whether a cookie name matches a declared name or `*` pattern. */
export function matchesCookie(pattern: string, name: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(name);
}

/** The cookies among `names` set by the services `refused` says no to: what a decision must delete. */
export function cookiesOf(
  d: CookieSource,
  refused: (category: Category, service: string) => boolean,
  names: readonly string[],
): string[] {
  // A page can delete only its own (first-party) cookies.
  const patterns = d.categories.flatMap((c) =>
    c.services
      .filter((s) => refused(c.id, s.id))
      .flatMap((s) => s.cookies.filter((k) => k.party === 'first').map((k) => k.name)),
  );
  return names.filter((n) => patterns.some((p) => matchesCookie(p, n)));
}

/** Names of the cookies the page can see, from `document.cookie`. */
export const cookieNames = (header: string) =>
  header
    .split(';')
    .map((p) => p.split('=')[0]!.trim())
    .filter(Boolean);
