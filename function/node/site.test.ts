import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../http/headers.ts';
import { hardening, languageRedirect, staticOnly } from './site.ts';

const app = new Hono().use(hardening).use(languageRedirect).use(staticOnly);
app.get('*', (c) => c.text('ok'));

describe('serving the portal', () => {
  it('sends the hardening headers with every response: one frame policy, HSTS', async () => {
    const res = await app.request('/fr/');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(res.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d{8}/);
  });

  it('gives static hosts the same headers in public/_headers', () => {
    const file = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    const all = file.slice(file.indexOf('/*'), file.indexOf('/widget/*'));
    for (const [name, value] of Object.entries(securityHeaders)) expect(all).toContain(`  ${name}: ${value}\n`);
    expect(all.match(/^ {2}\S+:/gm)).toHaveLength(Object.keys(securityHeaders).length);
  });

  it('gives each widget file one caching rule on static hosts, the same as here (a host merges every matching rule)', async () => {
    const file = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    const rules = file
      .split(/^(?=\/)/m)
      .map((block) => ({
        pattern: new RegExp(
          `^${block
            .split('\n')[0]!
            .trim()
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '.*')}$`,
        ),
        cacheControl: /^ {2}Cache-Control: (.+)$/m.exec(block)?.[1],
      }))
      .filter((rule) => rule.cacheControl);
    for (const path of ['/widget/consent.js', '/widget/consent-mode.js', '/widget/chunks/view-fr.ChDZb66X.js']) {
      const values = rules.filter((rule) => rule.pattern.test(path)).map((rule) => rule.cacheControl);
      expect(values, path).toEqual([(await app.request(path)).headers.get('Cache-Control')]);
    }
  });

  it('lets other sites load the consent bundle, cached for an hour only since its address never changes', async () => {
    const res = await app.request('/widget/consent.js');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=3600');
    expect((await app.request('/fr/')).headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('caches fingerprinted assets for a year, the widget’s chunks included', async () => {
    expect((await app.request('/_astro/page.B1x2.css')).headers.get('Cache-Control')).toBe(
      'public, max-age=31536000, immutable',
    );
    const chunk = await app.request('/widget/chunks/view-fr.ChDZb66X.js');
    expect(chunk.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('Access-Control-Allow-Origin')).toBe('*');
    // consent-mode.js is linked by other sites and carries the policy facts: not cached for good.
    const classic = await app.request('/widget/consent-mode.js');
    expect(classic.headers.get('Cache-Control')).toBe('public, max-age=3600');
  });

  it('sends / to the first language of the browser the portal speaks, by quality, French otherwise', async () => {
    const to = async (header: string) =>
      (await app.request('/', { headers: { 'Accept-Language': header } })).headers.get('Location');
    expect(await to('en-CA,en;q=0.9,fr;q=0.5')).toBe('/en/');
    expect(await to('fr;q=0.4, en-CA, es;q=0.9')).toBe('/en/');
    expect(await to('es, en;q=0.8, fr;q=0.9')).toBe('/fr/');
    expect(await to('de-DE, ar')).toBe('/fr/');
    const res = await app.request('/', { headers: { 'Accept-Language': 'en' } });
    expect(res.status).toBe(302);
    expect(res.headers.get('Vary')).toBe('Accept-Language');
  });

  it('answers only GET and HEAD, and never serves a static host’s configuration file', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await app.request('/fr/', { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, HEAD');
    }
    expect((await app.request('/fr/', { method: 'HEAD' })).status).toBe(200);
    expect((await app.request('/_headers')).status).toBe(404);
  });
});
