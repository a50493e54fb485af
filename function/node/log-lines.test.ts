// The Node entry's log lines: together a few times a second, at once for a fault, nothing lost at a flush.
import { describe, expect, it, vi } from 'vitest';
import { logLines } from './log-lines.ts';

describe('the log lines of the Node entry', () => {
  it('writes routine answers together once the moment has passed, each on its own line, in order', () => {
    vi.useFakeTimers();
    try {
      const writes: string[] = [];
      const { log } = logLines((text) => writes.push(text), { everyMs: 250 });
      for (let i = 0; i < 3; i++) log({ method: 'POST', path: '/api/consent-receipts', status: 201, ms: i });
      expect(writes).toEqual([]);
      vi.advanceTimersByTime(250);
      expect(writes).toHaveLength(1);
      expect(
        writes[0]!
          .trimEnd()
          .split('\n')
          .map((l) => JSON.parse(l).ms),
      ).toEqual([0, 1, 2]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes a fault at once, after what waited before it', () => {
    const writes: string[] = [];
    const { log } = logLines((text) => writes.push(text));
    log({ path: '/a', status: 200 });
    log({ path: '/b', status: 503, fault: 'busy' });
    log({ level: 'warn', message: 'not an answer' });
    expect(
      writes
        .join('')
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).path ?? 'warn'),
    ).toEqual(['/a', '/b', 'warn']);
    expect(writes).toHaveLength(2);
  });

  it('writes when the lines waiting grow large, and everything at a flush', () => {
    const writes: string[] = [];
    const { log, flush } = logLines((text) => writes.push(text), { maxBytes: 200 });
    for (let i = 0; i < 10; i++) log({ path: '/api/requests', status: 201, i });
    expect(writes.length).toBeGreaterThan(0);
    flush();
    expect(writes.join('').trimEnd().split('\n')).toHaveLength(10);
  });
});
