// Serving the built portal on Node: the language redirect at `/`, the security headers on every file, caching rules,
// and what a static file server must refuse. Web-standard Hono middleware; node.ts supplies how files are read.
import type { MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { headersOnEveryResponse } from './headers.ts';

export const hardening: MiddlewareHandler = async (c, next) => {
  await headersOnEveryResponse(c, next);
  if (c.req.path.startsWith('/_astro/')) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  // The consent bundle is embedded by the organisation's other sites: module scripts load cross-origin with CORS.
  if (c.req.path.startsWith('/widget/')) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // consent.js is not fingerprinted (other sites link its address): an hour bounds how long a fix takes to reach
    // them. Its chunks are (`consent-view.<hash>.js`): cached for good.
    const fingerprinted = /^\/widget\/consent-[\w-]+\.[\w-]{8}\.js$/.test(c.req.path);
    c.res.headers.set('Cache-Control', fingerprinted ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
  }
};

/** `/` → `/fr/` or `/en/` from Accept-Language, so people land in their language without JavaScript. */
const detect = languageDetector({
  supportedLanguages: ['fr', 'en'],
  fallbackLanguage: 'fr',
  order: ['header'],
  caches: false,
});
export const languageRedirect: MiddlewareHandler = async (c, next) => {
  if (c.req.path !== '/') return next();
  return detect(c, async () => {
    c.header('Vary', 'Accept-Language');
    c.res = c.redirect(`/${c.get('language')}/`, 302);
  });
};

/** Files in the build that configure static hosts and are not pages: never served. */
const HOST_FILES = new Set(['/_headers', '/_redirects', '/_routes.json']);

/**
 * A static site answers GET and HEAD. Anything else is 405 with the methods it allows; a host's configuration file
 * is not a page (404). The API's routes come before this, so it never sees them.
 */
export const staticOnly: MiddlewareHandler = async (c, next) => {
  if (HOST_FILES.has(c.req.path)) return c.notFound();
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.body(null, 405, { Allow: 'GET, HEAD' });
  return next();
};
