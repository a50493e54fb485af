import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage, pickLanguage } from './lang.ts';

describe('language choice', () => {
  it('greets in the first language of the visitor the portal speaks', () => {
    expect(pickLanguage(['es-MX', 'en-US', 'fr'])).toBe('en');
    expect(pickLanguage(['fr-CA', 'en'])).toBe('fr');
  });

  it('falls back to French', () => {
    expect(pickLanguage([])).toBe('fr');
    expect(pickLanguage(['de-DE', 'ar'])).toBe('fr');
  });

  it('orders an Accept-Language header by quality and drops refused languages', () => {
    expect(parseAcceptLanguage('fr;q=0.4, en-CA, es;q=0.9, de;q=0')).toEqual(['en-CA', 'es', 'fr']);
    expect(pickLanguage(parseAcceptLanguage('es, en;q=0.8, fr;q=0.5'))).toBe('en');
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('*;q=0.5, garbage;q=abc')).toEqual([]);
  });
});
