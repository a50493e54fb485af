// The cookie declaration's one schema: what content/cookies/declaration.yaml and every kept revision must hold. Read
// by the widget's build, the portal's cookie pages and the scanner (scanner/), each through content.ts.
import { z } from 'zod';
import { calendarDay } from '../../shared/calendar-day.ts';
import { CATEGORIES, LANGS } from '../../shared/consent.ts';

const words = z.string({ error: 'is required' }).trim().min(1, 'must not be empty');

/** Words in every language of the portal: French (authoritative) and English. */
const text = z.strictObject(
  Object.fromEntries(LANGS.map((lang) => [lang, words])) as Record<(typeof LANGS)[number], typeof words>,
  {
    error: `must give the words in each language (${LANGS.join(', ')})`,
  },
);

/**
 * How long a cookie lasts: `session` (until the browser closes), or `{ months: 13 }`, or `{ days: 30 }`. A number the
 * scanner can hold against what a site really sets; the pages say it in words.
 */
export const lifetimeSchema = z.union(
  [
    z.literal('session'),
    z.strictObject({ months: z.int().min(1).max(25) }),
    z.strictObject({ days: z.int().min(1).max(800) }),
  ],
  { error: 'must be session, or months: N (1–25), or days: N (1–800)' },
);
export type Lifetime = z.infer<typeof lifetimeSchema>;

export const cookieSchema = z.strictObject({
  /** Exact name, or a pattern where `*` stands for any characters (`_ga_*`). */
  name: z
    .string({ error: 'is required' })
    .regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'must be a cookie name (letters, digits and - _ . * only, no spaces)'),
  /** How long it lasts. */
  lifetime: lifetimeSchema,
  /** `first`: set for the site's own address; `third`: for another's (an embed's, an advertiser's). */
  party: z.enum(['first', 'third'], { error: 'must be first or third' }),
});

/** A host name or a parent domain: `google-analytics.com` covers `www.google-analytics.com`. */
const host = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a domain like example.com');

export const serviceSchema = z.strictObject({
  /**
   * Lower-case letters, unique in the declaration: what `data-service` names and a per-service choice is kept under.
   */
  id: z.string({ error: 'is required' }).regex(/^[a-z]{2,20}$/, 'must be 2 to 20 lower-case letters (a–z)'),
  /** The service's name as people know it. */
  name: words,
  /** Who provides it. */
  provider: words,
  /** What it is for. */
  purpose: text,
  /** The domains its requests go to: what the scanner recognises it by (none for the organisation's own). */
  hosts: z.array(host).default([]),
  /**
   * For Google's own tags: the Google Consent Mode types this service reads (`analytics`: analytics_storage; `ads`:
   * ad_storage, ad_user_data, ad_personalization), so that refusing the service alone denies them.
   */
  consentMode: z.enum(['analytics', 'ads'], { error: 'must be analytics or ads' }).optional(),
  /** Every cookie it sets. */
  cookies: z.array(cookieSchema).default([]),
});

export const categorySchema = z.strictObject({
  /** One of the widget's categories, in their order. */
  id: z.enum(CATEGORIES, { error: `must be one of: ${CATEGORIES.join(', ')}` }),
  title: text,
  description: text,
  services: z.array(serviceSchema),
});

export const declarationSchema = z
  .strictObject({
    /**
     * Raised by one on any change below: everyone is then asked again, and the revision before stays readable at its
     * own address. The build refuses a changed declaration whose revision was not raised.
     */
    revision: z.int({ error: 'must be a whole number' }).min(1, 'must be 1 or more'),
    /** The day this revision was published. */
    published: calendarDay,
    /** What changed since the revision before (for the first, what the declaration is). */
    summary: text,
    /** Every category, in the widget's order. */
    categories: z.array(categorySchema),
  })
  .superRefine((data, ctx) => {
    const ids = data.categories.map((c) => c.id);
    if (ids.join() !== CATEGORIES.join())
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `must be, in order: ${CATEGORIES.join(', ')}` });
    const seen = new Set<string>(CATEGORIES);
    data.categories.forEach((category, c) => {
      category.services.forEach((service, s) => {
        if (seen.has(service.id))
          ctx.addIssue({
            code: 'custom',
            path: ['categories', c, 'services', s, 'id'],
            message: `"${service.id}" is already used by another service or a category`,
          });
        seen.add(service.id);
      });
    });
    if (!data.categories[0]?.services.some((s) => s.cookies.some((k) => k.name === 'citim_consent')))
      ctx.addIssue({
        code: 'custom',
        path: ['categories', 0, 'services'],
        message: 'must declare the consent cookie (citim_consent) among the strictly necessary',
      });
  });

export type Declaration = z.infer<typeof declarationSchema>;
export type ServiceDeclaration = Declaration['categories'][number]['services'][number];
export type CookieDeclaration = Declaration['categories'][number]['services'][number]['cookies'][number];

/** A lifetime in words, in one language. */
export const lifetimeWords = (lifetime: Lifetime, lang: (typeof LANGS)[number]): string => {
  if (lifetime === 'session') return lang === 'fr' ? 'la session' : 'session';
  if ('months' in lifetime) return lang === 'fr' ? `${lifetime.months} mois` : plural(lifetime.months, 'month');
  return lang === 'fr' ? plural(lifetime.days, 'jour') : plural(lifetime.days, 'day');
};
const plural = (n: number, unit: string) => `${n} ${unit}${n > 1 ? 's' : ''}`;

/** A lifetime in days, for comparing with a cookie's real one (a month counted as 31 days: the generous reading). */
export const lifetimeDays = (lifetime: Lifetime): number =>
  lifetime === 'session' ? 0 : 'months' in lifetime ? lifetime.months * 31 : lifetime.days;
