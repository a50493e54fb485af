import { describe, expect, it } from 'vitest';
import { memoryCounter } from './rate-limit.ts';

describe('rate-limit counters in memory', () => {
  it('counts hits per key and window, and starts again in a new window', async () => {
    const counter = memoryCounter();
    expect(await counter.hit('a', 0)).toBe(1);
    expect(await counter.hit('a', 0)).toBe(2);
    expect(await counter.peek('a', 0)).toBe(2);
    expect(await counter.hit('b', 0)).toBe(1);
    expect(await counter.peek('a', 600)).toBe(0);
    expect(await counter.hit('a', 600)).toBe(1);
  });

  it('gives back a hit that did not count, never below zero', async () => {
    const counter = memoryCounter();
    await counter.hit('a', 0);
    await counter.release('a', 0);
    await counter.release('a', 0);
    expect(await counter.peek('a', 0)).toBe(0);
  });

  it('holds its size under a flood of 200,000 distinct addresses, and keeps counting a client that stays busy', async () => {
    const counter = memoryCounter(10_000);
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 200_000; i++) {
      await counter.hit(`flood-${i}`, 0);
      // The one client hammering throughout is never the least recently seen, so never forgotten.
      if (i % 1_000 === 0) await counter.hit('busy', 0);
    }
    expect(counter.size).toBe(10_000);
    expect(await counter.peek('busy', 0)).toBe(200);
    // The oldest of the flood were let go.
    expect(await counter.peek('flood-0', 0)).toBe(0);
    expect(await counter.peek('flood-199999', 0)).toBe(1);
    // Bounded: 10,000 small entries, whatever the flood; a map of 200,000 would hold several times this.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(40 * 1024 * 1024);
  });
});
