// References and one-time codes: every character as likely as another, whatever bytes the generator gives.
import { describe, expect, it } from 'vitest';
import { ALPHABET, drawFrom, newReference, REFERENCE } from './reference.ts';
import { newInvitationCode } from '../store/access.ts';

/** A generator that gives every byte value once, in turn: a fair draw then uses each character equally often. */
function everyByte() {
  let next = 0;
  return (n: number) => Uint8Array.from({ length: n }, () => next++ % 256);
}

describe('drawing characters', () => {
  it('uses each character of the alphabet equally often: bytes past the last whole round are drawn again', () => {
    const drawn = drawFrom(ALPHABET, ALPHABET.length * 8 * 10, everyByte());
    const counts = new Map<string, number>();
    for (const ch of drawn) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(new Set(counts.values())).toEqual(new Set([80]));
  });

  it('makes references and invitation codes from the same fair draw', () => {
    const random = everyByte();
    const seen = new Map<string, number>();
    for (let i = 0; i < 29 * 8 * 2; i++)
      for (const ch of newReference(new Date('2026-12-07T00:00:00Z'), random).replace(/^2026-|-/g, ''))
        seen.set(ch, (seen.get(ch) ?? 0) + 1);
    expect(new Set(seen.values()).size).toBe(1);
    expect(newReference(new Date('2026-12-07T00:00:00Z'))).toMatch(REFERENCE);
    expect(newInvitationCode()).toMatch(/^[2-9A-Z]{5}(-[2-9A-Z]{5}){3}$/);
  });
});
