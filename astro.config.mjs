// Astro configuration: a static site in French and English, MDX documents, Preact components, strict CSP.
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { renameSync, rmdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sectionIds } from './src/documents/section-ids.ts';
import { site, siteUrlFrom } from './src/site.config.ts';

const { warning } = siteUrlFrom(process.env);
if (warning) console.warn(`[privacy-portal] ${warning}`);

export default defineConfig({
  site: site.url,
  trailingSlash: 'ignore',
  // The documents hold no code: no highlighter, and none of Shiki's inline styles for the CSP to refuse.
  markdown: { processor: satteri({ hastPlugins: [sectionIds] }), syntaxHighlight: false },
  integrations: [
    mdx(),
    preact(),
    {
      // The English 404 page where static hosts look for the nearest one (/en/404.html), as the root's is /404.html.
      name: 'citim:english-404',
      hooks: {
        'astro:build:done': ({ dir }) => {
          const out = fileURLToPath(dir);
          renameSync(`${out}en/404/index.html`, `${out}en/404.html`);
          rmdirSync(`${out}en/404`);
        },
      },
    },
  ],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
