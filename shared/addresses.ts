// Addresses both the site and the function know: the request form, and the status page the function fills in.
// The site builds the pages there (src/paths.ts links to them); the function answers and redirects there.
export const REQUEST_PAGES = {
  form: { fr: '/fr/demande/', en: '/en/request/' },
  status: { fr: '/fr/demande/suivi/', en: '/en/request/status/' },
} as const;

/**
 * The page for an unknown address in each language: the French one at the root (what a static host serves for any
 * address), the English one where a host looking for the nearest 404 page under /en/ finds it.
 */
export const NOT_FOUND_PAGES = { fr: '/404.html', en: '/en/404.html' } as const;
