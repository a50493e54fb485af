import { describe, expect, it } from 'vitest';
import { documentVersionSchema } from './schema.ts';

const valid = {
  document: 'policy',
  version: '1.1',
  lang: 'fr',
  title: 'Politique de confidentialité',
  effective: new Date('2026-11-20T00:00:00Z'),
  published: '2026-11-01',
  summary: 'Correction rédactionnelle.',
};

/** The messages a bad front matter produces, as `field: message`. */
function problems(data: Record<string, unknown>): string[] {
  const result = documentVersionSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('document version schema', () => {
  it('accepts a complete French version and normalises dates to calendar days', () => {
    const data = documentVersionSchema.parse(valid);
    expect(data.effective).toBe('2026-11-20');
    expect(data.published).toBe('2026-11-01');
    expect(data.renewConsent).toBe(false);
    expect(data.toConfirm).toEqual([]);
  });

  it('names each missing field', () => {
    expect(problems({ ...valid, title: undefined, summary: undefined })).toEqual([
      'title: is required',
      'summary: is required: say what changed',
    ]);
  });

  it('asks for a quoted major.minor version, since YAML reads 1.10 as a number', () => {
    expect(problems({ ...valid, version: 1.1 })).toEqual([
      "version: must be in quotes, like version: '1.1' (unquoted, YAML reads 1.10 as the number 1.1)",
    ]);
    expect(problems({ ...valid, version: undefined })).toEqual(['version: is required (for example "1.0")']);
    expect(problems({ ...valid, version: 'v2' })).toEqual(['version: must be written major.minor, for example "1.1"']);
  });

  it('rejects impossible dates and a publication after the effective date', () => {
    expect(problems({ ...valid, effective: '2026-02-30' })).toEqual([
      'effective: must be a date written YYYY-MM-DD (got "2026-02-30")',
    ]);
    expect(problems({ ...valid, effective: '2026-13-01' })).toEqual([
      'effective: must be a date written YYYY-MM-DD (got "2026-13-01")',
    ]);
    expect(problems({ ...valid, effective: new Date('invalid') })[0]).toMatch(
      /^effective: must be a date written YYYY-MM-DD/,
    );
    expect(problems({ ...valid, published: '2026-12-01' })).toEqual([
      'published: must be on or before the effective date (2026-11-20)',
    ]);
  });

  it('rejects an unknown document, language or field', () => {
    expect(problems({ ...valid, document: 'cookies' })).toEqual(['document: must be one of: policy, ptet']);
    expect(problems({ ...valid, lang: 'es' })).toEqual(['lang: must be one of: fr, en']);
    expect(problems({ ...valid, efective: '2026-01-01' })[0]).toMatch(/efective/);
  });

  it('requires a translation link on a translation and refuses one on the French original', () => {
    expect(problems({ ...valid, lang: 'en' })).toEqual([
      'translationOf: is required for a translation: name the French version it translates, like "policy/fr/1.0"',
    ]);
    expect(problems({ ...valid, translationOf: 'policy/fr/1.0' })).toEqual([
      'translationOf: must be absent on a French version: French is the authoritative text',
    ]);
  });
});
