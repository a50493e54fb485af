// What each part of the widget and the portal takes of the cookie declaration (content/cookies/declaration.yaml, read
// and checked by content.ts): the one source for consent categories, the services in each, and their cookies.

import type { Category, CookieDigest, Lang, Optional } from '../core/categories.ts';
import type { GoogleServices } from '../core/consent-mode.ts';
import { readDeclarations } from './content.ts';
import { type Declaration, lifetimeWords, type ServiceDeclaration } from './schema.ts';

export type { Category, Lang, Optional, Text } from '../core/categories.ts';

export type { CookieDeclaration, Lifetime, ServiceDeclaration as Service } from './schema.ts';
export type CategoryDeclaration = Declaration['categories'][number];

/** The declaration in force, and every revision kept (`content/cookies/`), read once. */
export const declarations = readDeclarations();
export const declaration: Declaration = declarations.current;

/** A category as one language reads it: what the preferences dialog and the portal's cookie page show. */
export interface LocalCategory {
  id: Category;
  title: string;
  description: string;
  services: {
    id: string;
    name: string;
    provider: string;
    purpose: string;
    cookies: { name: string; lifetime: string; party: 'first' | 'third' }[];
  }[];
}

/**
 * The declaration in one language: built into that language's chunk of the dialog's words (a visitor downloads the
 * declaration in the widget's language only), and rendered by the cookie page.
 */
export const inLanguage = (lang: Lang, of: Declaration = declaration): LocalCategory[] =>
  of.categories.map(({ id, title, description, services }) => ({
    id,
    title: title[lang],
    description: description[lang],
    // What the dialog shows, nothing more: the hosts and Google's types are the scanner's and consent.js's.
    services: services.map(({ id, name, provider, purpose, cookies }) => ({
      id,
      name,
      provider,
      purpose: purpose[lang],
      cookies: cookies.map(({ name, lifetime, party }) => ({ name, lifetime: lifetimeWords(lifetime, lang), party })),
    })),
  }));

/**
 * What every page needs of the declaration (built into consent.js): its revision, and the category of each service a
 * person may choose apart. Nothing to read: the words, the partners and the cookies go with the view (`viewDigest`).
 */
export const digest = (): Digest => ({
  revision: declaration.revision,
  services: Object.fromEntries(
    declaration.categories.slice(1).flatMap((c) => c.services.map((s) => [s.id, c.id as Optional])),
  ),
  google: Object.fromEntries(
    declaration.categories.flatMap((c) =>
      c.services.flatMap((s: ServiceDeclaration) => (s.consentMode ? [[s.id, s.consentMode] as const] : [])),
    ),
  ),
});
export type Digest = {
  revision: number;
  services: Record<string, Optional>;
  /** Google's services by the Consent Mode types they read. */
  google: GoogleServices;
};

/**
 * What the drawn widget needs in any language (built into the view's chunk): the partners, which the banner names
 * before "Accept all". The categories' titles come with the banner's strings (`titlesIn`), the descriptions and the
 * services with the preferences dialog (`inLanguage`), the cookies a refusal deletes with the first decision
 * (`cookieDigest`).
 */
export const viewDigest = (): ViewDigest => ({
  // The providers other than the organization itself (whose services are the strictly necessary ones).
  partners: [
    ...new Set(
      declaration.categories
        .flatMap((c) => c.services.map((s) => s.provider))
        .filter((p) => !declaration.categories[0]!.services.some((s) => s.provider === p)),
    ),
  ],
});
export type ViewDigest = {
  partners: string[];
};

/** Each category's title in one language, in the declaration's order: built into that language's banner words. */
export const titlesIn = (lang: Lang): Record<Category, string> =>
  Object.fromEntries(declaration.categories.map(({ id, title }) => [id, title[lang]])) as Record<Category, string>;

/** Each service's first-party cookies, services with none left out: what a refusal deletes. */
export const cookieDigest = (): CookieDigest =>
  Object.fromEntries(
    declaration.categories.map(({ id, services }) => [
      id,
      Object.fromEntries(
        services
          .map(({ id, cookies }) => [id, cookies.filter((c) => c.party === 'first').map((c) => c.name)] as const)
          .filter(([, names]) => names.length),
      ),
    ]),
  );
