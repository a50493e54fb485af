// @vitest-environment happy-dom
import { hydrate, render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useTranslations } from '../i18n/index.ts';
import { excerptParts, hitOf, keptResults, SearchApp } from './SearchApp.tsx';
import { searchWords } from './words.ts';

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

describe('search form woken after the person typed', () => {
  const words = searchWords(useTranslations('fr'));
  const app = <SearchApp lang="fr" words={words} action="/fr/recherche/" />;

  function page() {
    history.replaceState(null, '', '/fr/recherche/');
    const link = '<a data-lang-switch href="/en/search/">EN</a>';
    document.body.innerHTML = `${link}<div id="island">${renderToString(app)}</div>`;
    return document.getElementById('island')!;
  }

  it('searches the words already in the field, and carries them to the other language', async () => {
    const root = page();
    root.querySelector<HTMLInputElement>('#search-query')!.value = 'consentement';
    await act(() => hydrate(app, root));
    await act(() => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(location.search).toBe('?q=consentement');
    expect(document.querySelector<HTMLAnchorElement>('[data-lang-switch]')!.getAttribute('href')).toBe(
      '/en/search/?q=consentement',
    );
    expect(root.querySelector<HTMLInputElement>('#search-query')!.value).toBe('consentement');
  });

  it('keeps the typed words through a redraw before any search', async () => {
    const root = page();
    root.querySelector<HTMLInputElement>('#search-query')!.value = 'témoins';
    await act(() => hydrate(app, root));
    await act(() => render(<SearchApp lang="fr" words={words} action="/fr/recherche/" />, root));
    expect(root.querySelector<HTMLInputElement>('#search-query')!.value).toBe('témoins');
  });
});

describe('search across versions', () => {
  const page = (url: string, meta: Record<string, string>) => ({
    url,
    excerpt: 'x',
    meta: { title: 'Politique', ...meta },
  });
  const current = page('/fr/politique/', { document: 'fr/policy' });
  const v10 = page('/fr/politique/1.0/', { document: 'fr/policy', version: '1.0' });
  const v11 = page('/fr/politique/1.1/', { document: 'fr/policy', version: '1.1' });
  const notice = page('/fr/avis-ptet/', { document: 'fr/ptet' });

  it('shows a superseded version only where its document’s current text did not match, its best version alone', () => {
    expect(keptResults([current, v10, notice]).map((d) => d.url)).toEqual(['/fr/politique/', '/fr/avis-ptet/']);
    expect(keptResults([v11, notice, v10]).map((d) => d.url)).toEqual(['/fr/politique/1.1/', '/fr/avis-ptet/']);
  });

  it('labels a superseded version’s passage with its version', () => {
    expect(hitOf(v10, 'version {version}, remplacée').title).toBe('Politique (version 1.0, remplacée)');
    expect(hitOf(current).title).toBe('Politique');
  });
});
