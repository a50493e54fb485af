import { describe, expect, it } from 'vitest';
import { consentOverview } from './consent-overview.ts';

const receipt = (decidedAt: string, choices: Record<string, boolean>) =>
  JSON.stringify({ id: 'decision0001', site: 'citim.example', decidedAt, choices: { necessary: true, ...choices } });

describe('the consent overview', () => {
  it('counts decisions per week (from Monday) and each category accepted, nothing else', () => {
    const overview = consentOverview([
      receipt('2026-11-16T10:00:00.000Z', { statistics: true }),
      receipt('2026-11-22T23:00:00.000Z', { statistics: true, advertising: true }),
      receipt('2026-11-23T08:00:00.000Z', {}),
      'not json',
    ]);
    expect(overview.total).toBe(3);
    expect(overview.weeks).toEqual([
      { week: '2026-11-16', decisions: 2 },
      { week: '2026-11-23', decisions: 1 },
    ]);
    expect(overview.categories).toContainEqual({ id: 'statistics', accepted: 2 });
    expect(overview.categories).toContainEqual({ id: 'advertising', accepted: 1 });
    expect(JSON.stringify(overview)).not.toMatch(/decision0001|citim\.example|decidedAt/);
  });
});
