// Serving the built portal on Node: the language redirect at `/`, the security headers on every file, caching rules,
// and what a static file server must refuse. Web-standard Hono middleware; node.ts supplies how files are read.
import type { MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { headersOnEveryResponse } from '../http/headers.ts';

export const hardening: MiddlewareHandler = async (c, next) => {
  await headersOnEveryResponse(c, next);
  const headers = c.res.headers;
  // Pages change with every build (statuses follow the day): always revalidated, which an ETag makes cheap.
  if (!headers.has('Cache-Control') && c.res.status < 300)
    headers.set(
      'Cache-Control',
      headers.get('Content-Type')?.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
    );
  if (c.req.path.endsWith('/atom.xml') && c.res.ok) headers.set('Content-Type', 'application/atom+xml; charset=utf-8');
  if (c.req.path.startsWith('/_astro/')) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  // The consent bundle is embedded by the organisation's other sites: module scripts load cross-origin with CORS.
  if (c.req.path.startsWith('/widget/')) {
    c.res.headers.set('Access-Control-Allow-Origin', '*');
    c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    // consent.js is not fingerprinted (other sites link its address): an hour bounds how long a fix takes to reach
    // them, and consent-mode.js alike. Its chunks are (`chunks/view-fr.<hash>.js`): cached for good.
    const fingerprinted = /^\/widget\/chunks\/[\w-]+\.[\w-]{8}\.js$/.test(c.req.path);
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

/**
 * A weak ETag for a file from what the file server already knows (the served variant's size and time), so a browser
 * revalidating a page gets 304 without the body being read or hashed; Hono's `etag()` around it answers the 304.
 */
export const fileValidators: MiddlewareHandler = async (c, next) => {
  await next();
  const { headers } = c.res;
  const length = headers.get('Content-Length');
  const modified = Date.parse(headers.get('Last-Modified') ?? '');
  if (c.res.status !== 200 || !length || Number.isNaN(modified) || headers.has('ETag')) return;
  headers.set(
    'ETag',
    `W/"${Number(length).toString(36)}-${modified.toString(36)}${headers.get('Content-Encoding') ?? ''}"`,
  );
  // A feed reader that polls with the date it last saw (RFC 9110 s. 13.1.3): 304 when nothing changed since, unless
  // it also sent an ETag, which then decides alone.
  const since = Date.parse(c.req.header('If-Modified-Since') ?? '');
  if (!c.req.header('If-None-Match') && Math.floor(modified / 1000) <= Math.floor(since / 1000)) {
    await c.res.body?.cancel();
    const kept = ['ETag', 'Last-Modified', 'Cache-Control', 'Vary', 'Content-Location'];
    c.res = new Response(null, {
      status: 304,
      headers: kept.flatMap((name) => (headers.has(name) ? [[name, headers.get(name)!]] : [])),
    });
  }
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
