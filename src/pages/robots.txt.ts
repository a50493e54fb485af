// robots.txt: everything public may be crawled but the function's API and the personal status pages.
import type { APIRoute } from 'astro';
import { REQUEST_PAGES } from '../../shared/addresses.ts';
import { paths } from '../paths.ts';
import { site } from '../site.config.ts';

export const GET: APIRoute = () =>
  new Response(
    [
      'User-agent: *',
      'Disallow: /api/',
      ...Object.values(REQUEST_PAGES.status).map((path) => `Disallow: ${path}`),
      ...(['fr', 'en'] as const).map((lang) => `Disallow: ${paths.officer(lang)}`),
      '',
      `Sitemap: ${new URL('/sitemap.xml', site.url).href}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
