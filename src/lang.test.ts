import { describe, expect, it } from 'vitest';
import { pickLanguage } from './lang.ts';

describe('language choice', () => {
  it('greets in the first language of the visitor the portal speaks', () => {
    expect(pickLanguage(['es-MX', 'en-US', 'fr'])).toBe('en');
    expect(pickLanguage(['fr-CA', 'en'])).toBe('fr');
  });

  it('falls back to French', () => {
    expect(pickLanguage([])).toBe('fr');
    expect(pickLanguage(['de-DE', 'ar'])).toBe('fr');
  });
});
