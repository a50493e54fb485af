import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { hardening, languageRedirect } from './site.ts';

const app = new Hono().use(hardening).use(languageRedirect);
app.get('*', (c) => c.text('ok'));

describe('serving the portal', () => {
  it('sends the hardening headers with every response', async () => {
    const res = await app.request('/fr/');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
  });

  it('lets other sites load the consent bundle, cached for an hour only since its address never changes', async () => {
    const res = await app.request('/widget/consent.js');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600');
    expect((await app.request('/fr/')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('caches fingerprinted assets for a year', async () => {
    expect((await app.request('/_astro/page.B1x2.css')).headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
  });

  it('sends / to the language the browser asks for', async () => {
    const res = await app.request('/', { headers: { 'Accept-Language': 'en-CA,en;q=0.9,fr;q=0.5' } });
    expect(res.status).toBeGreaterThanOrEqual(300);
    expect(res.headers.get('Location')).toMatch(/\/en\/$/);
  });
});
