// The consent categories and what every page needs to know of the declaration: kept apart from its descriptions,
// which only the preferences dialog loads.

export type Lang = 'fr' | 'en';
export type Text = Record<Lang, string>;

export const CATEGORIES = ['necessary', 'preferences', 'statistics', 'advertising', 'social'] as const;
export type Category = (typeof CATEGORIES)[number];
/** The categories a person may refuse: all but the strictly necessary. */
export const OPTIONAL = ['preferences', 'statistics', 'advertising', 'social'] as const;
export type Optional = (typeof OPTIONAL)[number];

/** What the widget needs on every page, computed from the declaration at build time. */
export interface Digest {
  revision: number;
  titles: Record<Category, Text>;
  /** First-party cookie names or patterns by category: what withdrawing it deletes. */
  cookies: Record<Category, string[]>;
}

/** Whether a cookie name matches a declared name or `*` pattern. */
export function matchesCookie(pattern: string, name: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`).test(name);
}

/** The cookies among `names` that belong to `categories`: what withdrawing them must delete. */
export function cookiesOf(d: Digest, categories: readonly Category[], names: readonly string[]): string[] {
  const patterns = categories.flatMap((c) => d.cookies[c]);
  return names.filter((n) => patterns.some((p) => matchesCookie(p, n)));
}
