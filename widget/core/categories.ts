// The consent categories, and which of them a decision allows or refuses.

import type { Category, LANGS } from '../../shared/consent.ts';

export { CATEGORIES, type Category, OPTIONAL, type Optional } from '../../shared/consent.ts';
export type Lang = (typeof LANGS)[number];
export type Text = Record<Lang, string>;

/**
 * The first-party cookies each service sets, by category then service (`cookieDigest` in widget/declaration.ts): names
 * or `*` patterns, what a refusal deletes (a page can delete only its own).
 */
export type CookieDigest = Partial<Record<Category, Record<string, readonly string[]>>>;

/** Per-service choices that differ from their category's, by service id. */
export type Services = Record<string, boolean>;

/**
 * A table's own entry, never one a page's script planted on `Object.prototype` (a polluted prototype would otherwise
 * read as a choice, a service or a setting).
 */
export const own = <T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

/** Whether a service (or a whole category) may run: its own choice where the person made one, else its category's. */
export const allowedBy = (choices: Record<string, boolean>, services: Services, category: string, service?: string) =>
  (service !== undefined ? own(services, service) : undefined) ?? own(choices, category) === true;

/** What a decision refuses: a category or service it does not allow; the strictly necessary are never refused. */
export const refusedBy =
  (choices: Record<string, boolean>, services: Services) =>
  (category: Category, service?: string): boolean =>
    category !== 'necessary' && !allowedBy(choices, services, category, service);
