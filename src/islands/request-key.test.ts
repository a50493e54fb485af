// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { keyFor } from './request-key.ts';

describe('idempotency key', () => {
  it('stays the same for the same request across reloads, and changes with the request', async () => {
    sessionStorage.clear();
    const first = await keyFor({ name: 'A' });
    expect(await keyFor({ name: 'A' })).toBe(first);
    expect(await keyFor({ name: 'B' })).not.toBe(first);
    expect(sessionStorage.getItem('request-key')).not.toContain('"B"');
  });

  it('still gives a key when storage is missing or holds garbage', async () => {
    sessionStorage.setItem('request-key', '{oops');
    expect(await keyFor({ name: 'A' })).toMatch(/^[0-9a-f-]{36}$/);
    expect(await keyFor({ name: 'A' }, undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
