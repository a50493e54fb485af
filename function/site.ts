// Serving the built portal: the language redirect at `/` and the security headers every response carries.
// Web-standard Hono middleware; the runtime entries supply how static files are read.
import type { MiddlewareHandler } from 'hono';
import { parseAcceptLanguage, pickLanguage } from '../src/lang.ts';

/** Headers a <meta> CSP cannot express (framing), plus the usual hardening. */
export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  'X-Content-Type-Options': 'nosniff',
  // same-origin: no address (status tokens included) ever leaves for another site, and form posts keep their Origin.
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export const hardening: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(securityHeaders)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  if (c.req.path.startsWith('/_astro/')) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  // The consent bundle is embedded by the organisation's other sites: module scripts load cross-origin with CORS.
  if (c.req.path.startsWith('/widget/')) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // Not fingerprinted (other sites link this address): an hour bounds how long a fix takes to reach them.
    c.res.headers.set('Cache-Control', 'public, max-age=3600');
  }
};

/** `/` → `/fr/` or `/en/` from Accept-Language, so people land in their language without JavaScript. */
export const languageRedirect: MiddlewareHandler = async (c, next) => {
  if (c.req.path !== '/') return next();
  const lang = pickLanguage(parseAcceptLanguage(c.req.header('Accept-Language')));
  c.header('Vary', 'Accept-Language');
  return c.redirect(`/${lang}/`, 302);
};
