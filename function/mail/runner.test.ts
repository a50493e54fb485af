// The Node loop and the digest's hour: a burst of writes is one round, and the digest waits for 8 a.m. in Montreal.
import { afterAll, describe, expect, it } from 'vitest';
import { storesForTests, testMail } from '../testing.ts';
import type { Outgoing } from './deliver.ts';
import { digestDay, outboxLoop } from './runner.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const settings = await testMail({ portal: 'https://portal.test' });

describe('the digest’s hour', () => {
  it('is 8 a.m. in Montreal, in winter (UTC−5) and in summer (UTC−4)', () => {
    expect(digestDay(new Date('2026-12-01T12:59:00Z'))).toBeNull();
    expect(digestDay(new Date('2026-12-01T13:00:00Z'))).toBe('2026-12-01');
    expect(digestDay(new Date('2026-07-01T11:59:00Z'))).toBeNull();
    expect(digestDay(new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-01');
    // Late evening in Montreal is already the next day in UTC: still the Montreal day.
    expect(digestDay(new Date('2026-12-02T03:30:00Z'))).toBe('2026-12-01');
  });
});

describe.each(stores.each)('the delivery loop, on %s', (_name, make) => {
  it('gathers a burst of writes into one round, and sends each message once', async () => {
    const raw = await make();
    let rounds = 0;
    const claim = raw.claimMessages;
    const store = Object.assign(raw, {
      claimMessages: (...args: Parameters<typeof claim>) => {
        rounds++;
        return claim(...args);
      },
    });
    const sent: Outgoing[] = [];
    const at = '2026-11-24T15:00:00.000Z';
    const clock = () => new Date(at);
    const loop = outboxLoop({
      store,
      transport: { send: async (m) => void sent.push(m) },
      from: 'P <p@portal.test>',
      clock,
      settings,
      secret: 'test-secret',
      everyMs: 60_000,
      // Longer than the five writes take on either store (D1's, through workerd, take a few milliseconds each).
      gatherMs: 150,
      delivery: { perSecond: Number.POSITIVE_INFINITY },
    });
    await new Promise((r) => setImmediate(r));
    await loop.idle();
    expect(rounds).toBe(1);
    const data = { type: 'access', status: 'in-progress' as const, dueAt: at, lang: 'fr' as const, closed: false };
    // Five writes at once, each kicking the loop as it is done.
    await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => {
        await store.enqueueMessages(
          [{ id: `m${i}`, kind: 'status', reference: null, recipient: 'a@b.test', data }],
          at,
        );
        loop.kick();
      }),
    );
    await new Promise((r) => setTimeout(r, 200));
    await loop.idle();
    loop.stop();
    expect(sent.map((m) => m.id).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(sent[0]!.messageId).toMatch(/^<m\d@portal\.test>$/);
    expect(await store.listUndelivered()).toEqual([]);
    // The start-up round, then one for the five writes.
    expect(rounds).toBe(2);
  });
});
