import { describe, expect, it } from 'vitest';
import { cookieDigest, declaration, digest, inLanguage, titlesIn, viewDigest } from './index.ts';
import { lifetimeWords } from './schema.ts';

const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

describe('the declaration as each part of the widget carries it', () => {
  it('gives the dialog one language’s words only, for every category, service and cookie', () => {
    for (const [lang, other] of [
      ['fr', 'en'],
      ['en', 'fr'],
    ] as const) {
      const local = inLanguage(lang);
      declaration.categories.forEach((category, i) => {
        expect(local[i]).toMatchObject({
          id: category.id,
          title: category.title[lang],
          description: category.description[lang],
        });
        expect(local[i]!.services).toEqual(
          category.services.map((s) => ({
            id: s.id,
            name: s.name,
            provider: s.provider,
            purpose: s.purpose[lang],
            cookies: s.cookies.map((c) => ({ ...c, lifetime: lifetimeWords(c.lifetime, lang) })),
          })),
        );
      });
      const words = texts(local);
      for (const category of declaration.categories) {
        expect(words).not.toContain(category.description[other]);
        for (const service of category.services) expect(words).not.toContain(service.purpose[other]);
      }
    }
  });

  it('gives the banner the titles of one language in the declaration’s order', () => {
    expect(Object.entries(titlesIn('en'))).toEqual(declaration.categories.map((c) => [c.id, c.title.en]));
  });

  it('gives every page no words at all, and the view the partners other than the organisation', () => {
    const words = declaration.categories.flatMap((c) => [
      ...texts(c.title),
      ...texts(c.description),
      ...c.services.flatMap((s) => texts(s.purpose)),
    ]);
    for (const part of [digest(), viewDigest(), cookieDigest()])
      expect(texts(part).filter((text) => words.includes(text))).toEqual([]);
    expect(viewDigest().partners).toEqual(['Google', 'Meta', 'LinkedIn']);
  });
});
