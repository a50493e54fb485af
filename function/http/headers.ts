// The security headers every response carries, on both runtimes: one frame policy, HSTS, no sniffing. The Node entry
// adds them to static files too; static hosts read the same list from public/_headers (a test keeps the two equal).
import type { MiddlewareHandler } from 'hono';

export const securityHeaders: Record<string, string> = {
  // Framing is refused twice over, the same way everywhere: old browsers read X-Frame-Options, new ones the CSP.
  'Content-Security-Policy': "frame-ancestors 'none'; object-src 'none'; base-uri 'self'",
  'X-Frame-Options': 'DENY',
  // Browsers heed HSTS only over HTTPS (RFC 6797 §8.1), so sending it on every response is safe on a local trial.
  'Strict-Transport-Security': 'max-age=31536000',
  'X-Content-Type-Options': 'nosniff',
  // same-origin: no address (status tokens included) ever leaves for another site, and form posts keep their Origin.
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Adds each header a handler did not set itself (the status page sets a stricter Referrer-Policy, for one). */
export const headersOnEveryResponse: MiddlewareHandler = async (c, next) => {
  await next();
  const missing = Object.entries(securityHeaders).filter(([name]) => !c.res.headers.has(name));
  if (!missing.length) return;
  try {
    for (const [name, value] of missing) c.res.headers.set(name, value);
  } catch {
    // A response fetched from elsewhere (Workers' static assets) has immutable headers: copy it, then add them.
    c.res = new Response(c.res.body, c.res);
    for (const [name, value] of missing) c.res.headers.set(name, value);
  }
};
