// Addresses both the site and the function know: the request form, and the status page the function fills in.
// The site builds the pages there (src/paths.ts links to them); the function answers and redirects there.
export const REQUEST_PAGES = {
  form: { fr: '/fr/demande/', en: '/en/request/' },
  status: { fr: '/fr/demande/suivi/', en: '/en/request/status/' },
} as const;
