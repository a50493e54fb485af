import { afterAll, describe, expect, it } from 'vitest';
import { sameText } from '../../shared/crypto/encoding.ts';
import { ALPHABET, REFERENCE } from '../domain/reference.ts';
import { PORTAL, setup, storesForTests, validRequest } from '../testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

describe.each(stores.each)('the status look-up, on %s', (_name, make) => {
  it('answers a known reference with a wrong token exactly as an unknown reference, by the same path', async () => {
    const t = await setup({ store: await make() });
    const { reference } = await (await t.post(validRequest)).json();
    const calls: string[] = [];
    const getRequest = t.store.getRequest.bind(t.store);
    t.store.getRequest = (ref) => {
      calls.push(ref);
      return getRequest(ref);
    };
    // Another valid reference: its last character changed for another of the alphabet.
    const last = reference.at(-1)!;
    const unknown = `${reference.slice(0, -1)}${ALPHABET[(ALPHABET.indexOf(last) + 1) % ALPHABET.length]}`;
    const look = async (ref: string) => {
      const response = await t.app.request(`${PORTAL}/api/requests/${ref}/status?token=${'x'.repeat(43)}`);
      return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
    };
    expect(REFERENCE.test(unknown)).toBe(true);
    expect(await look(reference)).toEqual(await look(unknown));
    expect((await look(reference)).status).toBe(404);
    // Both read the store once: no answer comes sooner for a reference that does not exist.
    expect(calls).toEqual([reference, unknown, reference]);
  });

  it('compares hashes in a time that depends on their length only', () => {
    expect(sameText('abc', 'abc')).toBe(true);
    expect(sameText('abc', 'abd')).toBe(false);
    expect(sameText('abc', 'ab')).toBe(false);
    expect(sameText('', '')).toBe(true);
    expect(sameText('a', '')).toBe(false);
  });
});
