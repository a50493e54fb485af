// Rate-limit counters in memory for the single Node process: a fixed-size least-recently-used map, so a flood of
// addresses costs bounded memory and each hit O(1). Workers keep theirs in D1 (function/store/d1.ts).
import type { Counter } from '../store/contract.ts';

/** 50,000 networks is more than a small organisation's portal sees in a window, and about 10 MB at most. */
export const DEFAULT_CAPACITY = 50_000;

export function memoryCounter(capacity = DEFAULT_CAPACITY): Counter & { readonly size: number } {
  // A Map iterates in insertion order: deleting and setting again moves a key to the end, so the first is the oldest.
  const counts = new Map<string, { windowStart: number; hits: number }>();
  const current = (key: string, windowStart: number) => {
    const entry = counts.get(key);
    return entry?.windowStart === windowStart ? entry.hits : 0;
  };
  return {
    get size() {
      return counts.size;
    },
    async hit(key, windowStart) {
      const hits = current(key, windowStart) + 1;
      counts.delete(key);
      counts.set(key, { windowStart, hits });
      // Whoever was seen least recently leaves first; a busy client keeps its place by being busy.
      if (counts.size > capacity) counts.delete(counts.keys().next().value!);
      return hits;
    },
    async peek(key, windowStart) {
      return current(key, windowStart);
    },
    async release(key, windowStart) {
      const entry = counts.get(key);
      if (entry?.windowStart === windowStart && entry.hits > 0) entry.hits--;
    },
  };
}
