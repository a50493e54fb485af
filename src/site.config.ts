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

export const site = {
  /** Public origin of the portal; used for the feed, sitemap and canonical addresses. */
  url: process.env['PORTAL_SITE_URL'] ?? 'http://localhost:4321',
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
