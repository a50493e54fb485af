// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { excerptParts, hitOf } from './SearchApp.tsx';

describe('search results', () => {
  it('reads an excerpt as text and marks only, whatever markup it carries', () => {
    expect(excerptParts('les <mark>fichiers</mark> &amp; <img src=x onerror=alert(1)><b>gras</b>')).toEqual([
      { text: 'les ', mark: false },
      { text: 'fichiers', mark: true },
      { text: ' & ', mark: false },
      { text: 'gras', mark: false },
    ]);
  });

  it('links to the section that matched when the page has one', () => {
    const hit = hitOf({
      url: '/fr/politique-de-confidentialite/',
      excerpt: 'début',
      meta: { title: 'Politique' },
      sub_results: [
        {
          url: '/fr/politique-de-confidentialite/#section-7',
          title: '7. Les renseignements',
          excerpt: '<mark>mot</mark>',
        },
      ],
    });
    expect(hit).toEqual({
      title: 'Politique — 7. Les renseignements',
      url: '/fr/politique-de-confidentialite/#section-7',
      excerpt: [{ text: 'mot', mark: true }],
    });
  });

  it('links to the page itself when no section matched', () => {
    expect(hitOf({ url: '/fr/temoins/', excerpt: 'x', meta: {} }).url).toBe('/fr/temoins/');
  });
});
