import { describe, expect, it } from 'vitest';
import { type SearchPage, searchPages, termsOf } from './search.ts';

const page = (over: Partial<SearchPage>, text: string): SearchPage => ({
  lang: 'fr',
  document: 'fr/policy',
  title: 'Politique de confidentialité',
  url: '/fr/politique/',
  sections: [{ heading: '3. Témoins', anchor: 'section-3', text }],
  ...over,
});
const current = page({}, 'Nous utilisons des témoins de mesure d’audience anonymisée.');
const old = page({ url: '/fr/politique/1.0/', version: '1.0' }, 'Nous utilisions des témoins publicitaires de Google.');
const older = page({ url: '/fr/politique/0.9/', version: '0.9' }, 'Des témoins publicitaires, déjà.');
const english = page({ lang: 'en', document: 'en/policy', url: '/en/policy/' }, 'Advertising cookies.');

describe('search without a script', () => {
  it('finds every word, accents and case aside, in the text in force, with its section', () => {
    const hits = searchPages([current, old, english], 'TEMOINS audience', 'fr');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      url: '/fr/politique/#section-3',
      title: 'Politique de confidentialité — 3. Témoins',
    });
    expect(hits[0]!.excerpt.filter((p) => p.mark).map((p) => p.text)).toEqual(['témoins', 'd’audience']);
  });

  it('finds what only a superseded version said, its latest such version alone, labelled', () => {
    const hits = searchPages([current, older, old], 'publicitaires', 'fr');
    expect(hits.map((h) => [h.url, h.version])).toEqual([['/fr/politique/1.0/#section-3', '1.0']]);
  });

  it('keeps to the page’s language and ignores what cannot be a word', () => {
    expect(searchPages([current, english], 'advertising', 'fr')).toEqual([]);
    expect(searchPages([current], ' ; a ', 'fr')).toEqual([]);
    expect(termsOf('« Témoins » et TÉMOINS, l’audience')).toEqual(['temoins', 'et', 'audience']);
  });
});
