// The sitemap (sitemaps.org 0.9): every public page with its alternates in both languages and x-default (French).
import type { APIRoute } from 'astro';
import { escapeHtml } from '../../shared/escape-html.ts';
import { publicPages } from '../documents/pages.ts';
import { site } from '../site.config.ts';

const absolute = (path: string) => escapeHtml(new URL(path, site.url).href);

export const GET: APIRoute = async () => {
  const urls = (await publicPages()).flatMap((pair) => {
    const links = [
      ...(['fr', 'en'] as const).flatMap((lang) =>
        pair[lang] ? [`<xhtml:link rel="alternate" hreflang="${lang}-CA" href="${absolute(pair[lang])}"/>`] : [],
      ),
      ...(pair.fr ? [`<xhtml:link rel="alternate" hreflang="x-default" href="${absolute(pair.fr)}"/>`] : []),
    ];
    return Object.values(pair).map(
      (path) => `<url><loc>${absolute(path)}</loc>${links.length > 2 ? links.join('') : ''}</url>`,
    );
  });
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
