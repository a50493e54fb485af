import { describe, expect, it } from 'vitest';
import { clockOf } from './officer-clock.ts';

const now = new Date('2026-11-24T15:00:00Z');
describe('the legal clock', () => {
  it('counts calendar days in Montreal, so a request due tonight is due today', () => {
    expect(clockOf('2026-11-25T03:00:00Z', null, now)).toEqual({ kind: 'today', days: 0 });
    expect(clockOf('2026-11-25T06:00:00Z', null, now)).toEqual({ kind: 'soon', days: 1 });
  });
  it('flags the last 7 days and the overdue, and says nothing of a closed request', () => {
    expect(clockOf('2026-12-01T16:00:00Z', null, now).kind).toBe('soon');
    expect(clockOf('2026-12-02T16:00:00Z', null, now)).toEqual({ kind: 'left', days: 8 });
    expect(clockOf('2026-11-20T16:00:00Z', null, now)).toEqual({ kind: 'overdue', days: 4 });
    expect(clockOf('2026-11-20T16:00:00Z', '2026-11-19T10:00:00Z', now)).toEqual({ kind: 'closed' });
  });
});
