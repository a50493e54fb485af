// The consent categories, and which cookies a category's withdrawal deletes.

import type { Category, LANGS } from '../../shared/consent.ts';

export { CATEGORIES, type Category, OPTIONAL, type Optional } from '../../shared/consent.ts';
export type Lang = (typeof LANGS)[number];
export type Text = Record<Lang, string>;

/** What the cookie declaration (widget/declaration.ts) says of the cookies each category sets. */
export interface CookieSource {
  categories: readonly {
    id: Category;
    services: readonly { id: string; cookies: readonly { name: string; party: 'first' | 'third' }[] }[];
  }[];
}

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

/** Per-service choices that differ from their category's, by service id. */
export type Services = Record<string, boolean>;

/** Whether a service (or a whole category) may run: its own choice where the person made one, else its category's. */
export const allowedBy = (choices: Record<string, boolean>, services: Services, category: string, service?: string) =>
  service !== undefined && service in services ? services[service]! : !!choices[category];
