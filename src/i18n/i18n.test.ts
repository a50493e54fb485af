import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { formatDay, strings, useTranslations } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface strings', () => {
  it('has every French key in every language, and no other', () => {
    for (const table of Object.values(strings)) expect(Object.keys(table).sort()).toEqual(Object.keys(fr).sort());
  });

  it('uses the same placeholders in each translation as in French', () => {
    for (const key of Object.keys(fr) as (keyof typeof fr)[])
      expect(placeholders(en[key]), key).toEqual(placeholders(fr[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = useTranslations('fr');
    expect(t('doc.versionLabel', { version: '1.1' })).toBe('Version 1.1');
    expect(t('doc.upcoming', { version: '2.0' })).toBe('Une nouvelle version (2.0) entrera en vigueur le {date}.');
  });

  it('writes calendar days in each language without shifting them across time zones', () => {
    expect(formatDay('2026-11-20', 'fr')).toBe('20 novembre 2026');
    expect(formatDay('2026-11-20', 'en')).toBe('November 20, 2026');
  });
});
