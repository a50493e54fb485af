// The e-mail confirmation code: made from the secret and the reference, valid 7 days, spent once.
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIRMATION_MS, codeState, confirmationCode, isConfirmationCode } from './confirmation.ts';
import { storesForTests } from '../testing.ts';

const stores = storesForTests();
afterAll(stores.dispose);

const SECRET = 'test-secret';

describe('the confirmation code', () => {
  it('is accepted for its own request only, and not under another secret', async () => {
    const code = await confirmationCode(SECRET, '2026-ABCD-EFGH');
    expect(code).toMatch(/^[\w-]{43}$/);
    expect(await isConfirmationCode(SECRET, '2026-ABCD-EFGH', code)).toBe(true);
    expect(await isConfirmationCode(SECRET, '2026-ABCD-EFGJ', code)).toBe(false);
    expect(await isConfirmationCode('another-secret', '2026-ABCD-EFGH', code)).toBe(false);
  });

  it('refuses a code cut short, lengthened, or with one character changed', async () => {
    const code = await confirmationCode(SECRET, '2026-ABCD-EFGH');
    const changed = `${code.slice(0, 20)}${code[20] === 'A' ? 'B' : 'A'}${code.slice(21)}`;
    for (const wrong of [code.slice(0, 42), `${code}A`, changed, '', '%%%'])
      expect(await isConfirmationCode(SECRET, '2026-ABCD-EFGH', wrong)).toBe(false);
  });

  it('waits for the click 7 days from receipt, then has expired; once confirmed, it says so whatever the date', () => {
    const received = '2026-11-24T15:00:00.000Z';
    const at = (ms: number) => new Date(Date.parse(received) + ms);
    expect(codeState(received, null, at(0))).toBe('pending');
    expect(codeState(received, null, at(CONFIRMATION_MS - 1))).toBe('pending');
    expect(codeState(received, null, at(CONFIRMATION_MS))).toBe('expired');
    expect(codeState(received, received, at(1))).toBe('already');
    expect(codeState(received, received, at(CONFIRMATION_MS * 2))).toBe('already');
  });
});

describe.each(stores.each)('confirming in the store, on %s', (_name, make) => {
  it('records the confirmation once: a second one, even at the same moment, is refused', async () => {
    const store = await make();
    const entry = (at: string) => ({
      at,
      reference: '2026-ABCD-EFGH',
      action: 'email:confirmed',
      operator: 'requester',
      detail: null,
    });
    const both = await Promise.all([store.confirmEmail(entry('2026-11-24T15:00:00Z')), store.confirmEmail(entry('x'))]);
    expect(both.sort()).toEqual([false, true]);
    expect(await store.emailConfirmedAt('2026-ABCD-EFGH')).toBe('2026-11-24T15:00:00Z');
    expect(await store.confirmEmail({ ...entry('later'), reference: '2026-ABCD-EFGJ' })).toBe(true);
    // Other entries of the same request are not held back by the index.
    const other = { ...entry('2026-11-25T00:00:00Z'), action: 'status:in-progress' };
    await store.confirmEmail(other);
    expect(await store.confirmEmail(other)).toBe(true);
  });
});
