import { describe, expect, it } from 'vitest';
import { fill } from './fill.ts';

describe('filling placeholders', () => {
  it('puts each value in its place, numbers included, and leaves unknown placeholders as written', () => {
    expect(fill('{n} passages sur {total} ({missing})', { n: 3, total: '10' })).toBe('3 passages sur 10 ({missing})');
  });
  it('does not read a value as a replacement pattern', () => {
    expect(fill('{a}', { a: '$& $1' })).toBe('$& $1');
  });
});
