// The consent categories, and which cookies a category's withdrawal deletes.

import type { Category, LANGS } from '../../shared/consent.ts';

export { CATEGORIES, type Category, OPTIONAL, type Optional } from '../../shared/consent.ts';
export type Lang = (typeof LANGS)[number];
export type Text = Record<Lang, string>;

/** What the cookie declaration (widget/declaration.ts) says of the cookies each category sets. */
export interface CookieSource {
  categories: readonly {
    id: Category;
    services: readonly { cookies: readonly { name: string; party: 'first' | 'third' }[] }[];
  }[];
}

/** Whether a cookie name matches a declared name or `*` pattern. */
export function matchesCookie(pattern: string, name: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(name);
}

/** The cookies among `names` that belong to `categories`: what withdrawing them must delete. */
export function cookiesOf(d: CookieSource, categories: readonly Category[], names: readonly string[]): string[] {
  // A page can delete only its own (first-party) cookies.
  const patterns = d.categories
    .filter((c) => categories.includes(c.id))
    .flatMap((c) => c.services.flatMap((s) => s.cookies.filter((k) => k.party === 'first').map((k) => k.name)));
  return names.filter((n) => patterns.some((p) => matchesCookie(p, n)));
}
