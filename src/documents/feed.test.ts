// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { atomFeed } from './feed.ts';

const feed = {
  id: 'https://portal.test/fr/politique/',
  title: 'Politique — versions & changements',
  lang: 'fr',
  self: 'https://portal.test/fr/politique/atom.xml',
  link: 'https://portal.test/fr/politique/',
  author: 'CITIM',
  timeZone: 'America/Toronto',
  entries: [
    {
      id: 'https://portal.test/fr/politique/1.0/',
      title: 'Version 1.0',
      link: 'https://portal.test/fr/politique/1.0/',
      published: '2023-09-22',
      updated: '2023-09-22',
      summary: 'Première <version>',
    },
    {
      id: 'https://portal.test/fr/politique/1.1/',
      title: 'Version 1.1',
      link: 'https://portal.test/fr/politique/1.1/',
      published: '2026-11-20',
      updated: '2026-11-20',
      summary: '« contentement » → « consentement »',
    },
  ],
};

describe('atomFeed', () => {
  it('is well-formed XML with the elements Atom requires, newest entry first', () => {
    const doc = new DOMParser().parseFromString(atomFeed(feed), 'application/xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    // Midnight in Montreal, when the version took effect, not midnight in London.
    expect(root.querySelector('updated')?.textContent).toBe('2026-11-20T00:00:00-05:00');
    const entries = [...root.querySelectorAll('entry')];
    expect(entries.map((e) => e.querySelector('title')?.textContent)).toEqual(['Version 1.1', 'Version 1.0']);
    for (const e of entries)
      for (const tag of ['id', 'title', 'updated']) expect(e.querySelector(tag)?.textContent).toBeTruthy();
    expect(entries[1]!.querySelector('summary')?.textContent).toBe('Première <version>');
  });
});
