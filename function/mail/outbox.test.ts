// Outbox ids: UUIDv7, in the order they were made, unique.
import { describe, expect, it } from 'vitest';
import { newMessageId } from './outbox.ts';

describe('a new message id', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const at = Date.UTC(2026, 10, 24, 15, 0, 0, 123);
    const id = newMessageId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts as it was made, and never repeats', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => newMessageId(1_800_000_000_000 + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 10_000 }, () => newMessageId(0))).size).toBe(10_000);
  });
});
