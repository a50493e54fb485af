// The organisation's settings: who publishes the portal and how to reach its privacy officer.
// Everything an organisation changes to deploy the portal lives here; the documents themselves live in content/.

export type Lang = 'fr' | 'en';

/** French is the authoritative language (Charter of the French language); English is an unofficial translation. */
export const LANGS = ['fr', 'en'] as const satisfies readonly Lang[];
export const DEFAULT_LANG: Lang = 'fr';

/** The documents the portal publishes, with their address segment per language. */
export const DOCUMENTS = {
  policy: { slug: { fr: 'politique-de-confidentialite', en: 'privacy-policy' } },
  ptet: { slug: { fr: 'avis-ptet', en: 'tfwp-notice' } },
} as const;
export type DocumentId = keyof typeof DOCUMENTS;
export const DOCUMENT_IDS = Object.keys(DOCUMENTS) as DocumentId[];

export interface Contact {
  organisation: string;
  /** Title of the person in charge of the protection of personal information (Law 25, s. 3.1). */
  officerTitle: Record<Lang, string>;
  phone?: string;
  /**
   * The seed policy's address was lost when the page was captured. Leave undefined until the
   * organisation supplies it: the portal then points people to the request form instead.
   */
  email?: string | undefined;
  postal: { lines: string[]; locality: string; region: string; postalCode: string; country: Record<Lang, string> };
}

const LOCAL = 'http://localhost:4321';

/**
 * The portal's public origin from `PORTAL_SITE_URL`: every feed, sitemap entry and canonical address is built on it.
 * Missing, a local trial gets localhost and a warning; a production build (`PORTAL_ENV=production`) refuses, as it
 * does a malformed value or plain http, rather than publish addresses that lead nowhere.
 */
export function siteUrlFrom(env: Record<string, string | undefined>): { url: string; warning?: string } {
  const raw = env['PORTAL_SITE_URL']?.trim();
  const production = env['PORTAL_ENV'] === 'production';
  if (!raw) {
    if (production) throw new Error('PORTAL_SITE_URL is not set: a production build needs the public address.');
    return { url: LOCAL, warning: `PORTAL_SITE_URL is not set: feeds, sitemap and canonical addresses say ${LOCAL}.` };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PORTAL_SITE_URL is not an address: "${raw}" (expected https://example.org).`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash || url.username)
    throw new Error(`PORTAL_SITE_URL must be an origin such as https://example.org, not "${raw}".`);
  if (production && url.protocol !== 'https:')
    throw new Error(`PORTAL_SITE_URL must use https in production: "${raw}".`);
  return { url: url.origin };
}

export const site = {
  /** Public origin of the portal (`PORTAL_SITE_URL`); used for the feed, sitemap and canonical addresses. */
  url: siteUrlFrom(process.env).url,
  name: { fr: 'Portail de confidentialité de la CITIM', en: 'CITIM privacy portal' } satisfies Record<Lang, string>,
  /** Time zone in which effective dates are read: a version takes effect at midnight there. */
  timeZone: 'America/Toronto',
  contact: {
    organisation: 'CITIM',
    officerTitle: {
      fr: 'Responsable de la protection des renseignements personnels',
      en: 'Person in charge of the protection of personal information',
    },
    phone: '+1 514 987-1759',
    email: process.env['PORTAL_CONTACT_EMAIL'] || undefined,
    postal: {
      lines: ['1259, rue Berri, Bureau 900'],
      locality: 'Montréal',
      region: 'QC',
      postalCode: 'H3L 2Z1',
      country: { fr: 'Canada', en: 'Canada' },
    },
  } satisfies Contact,
};
