import { describe, expect, it } from 'vitest';
import { fill, plural } from './fill.ts';

describe('filling placeholders', () => {
  it('puts each value in its place, numbers included, and leaves unknown placeholders as written', () => {
    expect(fill('{n} passages sur {total} ({missing})', { n: 3, total: '10' })).toBe('3 passages sur 10 ({missing})');
  });
  it('does not read a value as a replacement pattern', () => {
    expect(fill('{a}', { a: '$& $1' })).toBe('$& $1');
  });
});

describe('counted phrases', () => {
  const fr = { one: '{count} passage modifié', other: '{count} passages modifiés' };
  const en = { one: '{count} passage changed', other: '{count} passages changed' };
  it('follows each language: French counts 0 and 1 as one, English only 1', () => {
    expect([0, 1, 2].map((n) => plural('fr', n, fr))).toEqual([
      '0 passage modifié',
      '1 passage modifié',
      '2 passages modifiés',
    ]);
    expect([0, 1, 2].map((n) => plural('en', n, en))).toEqual([
      '0 passages changed',
      '1 passage changed',
      '2 passages changed',
    ]);
  });
});
