// The cookie declaration: the one source for consent categories, the services in each, and their cookies.
// The widget, the portal's cookie page and the consent receipts all read it. Change `revision` whenever a
// service or cookie is added, removed or changes purpose: everyone is then asked again.

import type { Category, CookieDigest, Lang, Optional, Text } from './core/categories.ts';
import type { GoogleServices } from './core/consent-mode.ts';

export type { Category, Lang, Optional, Text } from './core/categories.ts';

export interface CookieDeclaration {
  /** Exact name, or a pattern where `*` stands for any characters (`_ga_*`). */
  name: string;
  /** How long it lasts, in words. */
  lifetime: Text;
  party: 'first' | 'third';
}

export interface Service {
  /**
   * Lower-case letters, unique in the declaration: what `data-service` names and a per-service choice is kept under.
   */
  id: string;
  name: string;
  provider: string;
  purpose: Text;
  cookies: CookieDeclaration[];
  /**
   * For Google's own tags: the Google Consent Mode types this service reads (`analytics`: analytics_storage; `ads`:
   * ad_storage, ad_user_data, ad_personalization), so that refusing the service alone denies them.
   */
  consentMode?: 'analytics' | 'ads';
}

export interface CategoryDeclaration {
  id: Category;
  title: Text;
  description: Text;
  services: Service[];
}

const months = (n: number): Text => ({ fr: `${n} mois`, en: `${n} months` });

export const declaration = {
  /** Bump on any change below. */
  revision: 1,
  categories: [
    {
      id: 'necessary',
      title: { fr: 'Strictement nécessaires', en: 'Strictly necessary' },
      description: {
        fr: 'Ils retiennent vos choix de témoins. Ils ne servent à rien d’autre et ne peuvent pas être refusés.',
        en: 'They remember your cookie choices. They serve no other purpose and cannot be refused.',
      },
      services: [
        {
          id: 'consent',
          name: 'Consentement',
          provider: 'CITIM',
          purpose: {
            fr: 'Conserver vos choix et la version de la politique à laquelle ils se rapportent.',
            en: 'Keep your choices and the policy version they relate to.',
          },
          cookies: [{ name: 'citim_consent', lifetime: months(6), party: 'first' }],
        },
      ],
    },
    {
      id: 'preferences',
      title: { fr: 'Personnalisation', en: 'Personalization' },
      description: {
        fr: 'Ils reconnaissent votre navigateur d’une visite à l’autre pour personnaliser votre expérience et vos recommandations (politique, section 7).',
        en: 'They recognize your browser from one visit to the next to personalize your experience and recommendations (policy, section 7).',
      },
      services: [
        {
          id: 'prefs',
          name: 'Préférences du site',
          provider: 'CITIM',
          purpose: {
            fr: 'Retenir la langue et les préférences d’affichage.',
            en: 'Remember language and display preferences.',
          },
          cookies: [{ name: 'citim_prefs', lifetime: months(12), party: 'first' }],
        },
      ],
    },
    {
      id: 'statistics',
      title: { fr: 'Mesure d’audience', en: 'Audience measurement' },
      description: {
        fr: 'Ils mesurent l’utilisation du site et de nos pages pour les améliorer ; les statistiques sont anonymisées (politique, section 3).',
        en: 'They measure the use of the site and our pages to improve them; statistics are anonymized (policy, section 3).',
      },
      services: [
        {
          id: 'analytics',
          name: 'Google Analytics',
          provider: 'Google',
          purpose: { fr: 'Statistiques de fréquentation.', en: 'Visit statistics.' },
          consentMode: 'analytics',
          cookies: [
            { name: '_ga', lifetime: months(13), party: 'first' },
            { name: '_ga_*', lifetime: months(13), party: 'first' },
          ],
        },
      ],
    },
    {
      id: 'advertising',
      title: { fr: 'Publicité', en: 'Advertising' },
      description: {
        fr: 'Des intermédiaires publicitaires identifient votre appareil et les pages consultées pour mesurer et adapter nos publicités (politique, section 7).',
        en: 'Advertising intermediaries identify your device and the pages viewed to measure and tailor our advertising (policy, section 7).',
      },
      services: [
        {
          id: 'googleads',
          name: 'Google Ads',
          provider: 'Google',
          purpose: { fr: 'Mesure et ciblage publicitaires.', en: 'Advertising measurement and targeting.' },
          consentMode: 'ads',
          cookies: [
            { name: '_gcl_*', lifetime: months(3), party: 'first' },
            { name: 'IDE', lifetime: months(13), party: 'third' },
          ],
        },
        {
          id: 'metapixel',
          name: 'Meta Pixel',
          provider: 'Meta',
          purpose: {
            fr: 'Mesure des campagnes sur Facebook et Instagram.',
            en: 'Measurement of Facebook and Instagram campaigns.',
          },
          cookies: [{ name: '_fbp', lifetime: months(3), party: 'first' }],
        },
      ],
    },
    {
      id: 'social',
      title: { fr: 'Réseaux sociaux et vidéos', en: 'Social media and videos' },
      description: {
        fr: 'Les contenus intégrés (vidéos, publications de Facebook ou LinkedIn) déposent leurs propres témoins lorsqu’ils sont chargés.',
        en: 'Embedded content (videos, Facebook or LinkedIn posts) sets its own cookies when it loads.',
      },
      services: [
        {
          id: 'youtube',
          name: 'YouTube',
          provider: 'Google',
          purpose: { fr: 'Lecture de vidéos intégrées.', en: 'Playing embedded videos.' },
          cookies: [{ name: 'VISITOR_INFO1_LIVE', lifetime: months(6), party: 'third' }],
        },
        {
          id: 'linkedin',
          name: 'LinkedIn',
          provider: 'LinkedIn',
          purpose: { fr: 'Publications intégrées et boutons de partage.', en: 'Embedded posts and share buttons.' },
          cookies: [{ name: 'bcookie', lifetime: months(12), party: 'third' }],
        },
      ],
    },
  ] satisfies CategoryDeclaration[],
};

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
export const inLanguage = (lang: Lang): LocalCategory[] =>
  declaration.categories.map(({ id, title, description, services }) => ({
    id,
    title: title[lang],
    description: description[lang],
    services: services.map(({ purpose, cookies, ...service }) => ({
      ...service,
      purpose: purpose[lang],
      cookies: cookies.map(({ lifetime, ...cookie }) => ({ ...cookie, lifetime: lifetime[lang] })),
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
      c.services.flatMap((s: Service) => (s.consentMode ? [[s.id, s.consentMode] as const] : [])),
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
