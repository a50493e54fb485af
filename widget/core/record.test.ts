import { describe, expect, it } from 'vitest';
import { type ConsentRecord, cookieValues, decodeRecord, encodeRecord, latestRecord, randomId } from './record.ts';

const now = Date.UTC(2026, 10, 23);
const record: ConsentRecord = {
  id: 'k2j3h4g5f6d7',
  created: now - 1000,
  updated: now,
  choices: { preferences: true, statistics: false, advertising: false, social: true },
  revision: 1,
  policy: '1.1',
  gpc: true,
  method: 'custom',
  services: {},
};

describe('consent cookie', () => {
  it('round-trips a decision in a compact value, whichever way it was made', () => {
    const value = encodeRecord(record);
    expect(value.length).toBeLessThan(60);
    expect(decodeRecord(value, now)).toEqual(record);
    const apart = { ...record, services: { youtube: true, linkedin: false } };
    expect(decodeRecord(encodeRecord(apart), now)).toEqual(apart);
    for (const method of ['accept-all', 'refuse-all', 'custom', 'api'] as const)
      expect(decodeRecord(encodeRecord({ ...record, method }), now)?.method).toBe(method);
  });

  it('treats malformed, oversized, old-format and foreign values as no decision, without throwing', () => {
    const bad: unknown[] = [
      undefined,
      null,
      42,
      '',
      'yes',
      '{"necessary":true,"statistics":true}',
      'a'.repeat(5000),
      `2${encodeRecord(record).slice(1)}`,
      encodeRecord(record).replace('-c-', '-z-'),
      '%E0%A4%A',
    ];
    for (const value of bad) expect(decodeRecord(value, now)).toBeNull();
  });

  it('treats a hand-edited value as no decision', () => {
    const value = encodeRecord(record);
    const tampered = value.replace('-1001-', '-1111-');
    expect(tampered).not.toBe(value);
    expect(decodeRecord(tampered, now)).toBeNull();
    expect(decodeRecord(value.slice(0, -1), now)).toBeNull();
  });

  it('refuses a decision dated in the future', () => {
    expect(
      decodeRecord(encodeRecord({ ...record, created: now + 3 * 86_400_000, updated: now + 3 * 86_400_000 }), now),
    ).toBeNull();
  });

  it('finds every copy of the cookie and keeps the latest valid one', () => {
    const older = encodeRecord({ ...record, updated: now - 500, choices: { ...record.choices, social: false } });
    const newer = encodeRecord(record);
    const header = `other=1; citim_consent=${older}; theme=dark; citim_consent=${newer}; citim_consent=garbage; citim_consent=%E0%A4%A`;
    const values = cookieValues(header, 'citim_consent');
    expect(values).toHaveLength(3);
    expect(latestRecord(values, now)).toEqual(record);
    expect(latestRecord([], now)).toBeNull();
  });

  it('makes ids that differ', () => {
    const ids = new Set(Array.from({ length: 50 }, randomId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{12}$/);
  });
});
