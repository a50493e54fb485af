import { describe, expect, it, vi } from 'vitest';
import { consentModeDefault, consentModeState } from './consent-mode.ts';
import type { ConsentRecord } from './record.ts';
import { receiptSchema } from '../../shared/consent-receipt.ts';
import { receiptFileName, receiptOf, sendReceipt } from './receipt.ts';

const record: ConsentRecord = {
  id: 'abcdefgh1234',
  created: Date.UTC(2026, 0, 1),
  updated: Date.UTC(2026, 10, 23, 12),
  choices: { preferences: false, statistics: true, advertising: false, social: true },
  revision: 1,
  policy: '1.1',
  gpc: true,
  method: 'custom',
  services: {},
};

describe('consent receipt', () => {
  it('is what the function files: it passes the shared schema for every method and language', () => {
    for (const method of ['accept-all', 'refuse-all', 'custom'] as const)
      for (const lang of ['fr', 'en'] as const)
        for (const services of [{}, { youtube: true, metapixel: false }])
          expect(
            receiptSchema.safeParse(receiptOf({ ...record, method, services }, { site: 'www.citim.test', lang }))
              .success,
          ).toBe(true);
  });

  it('states the decision, the policy version and declaration revision, and nothing about the person', () => {
    const receipt = receiptOf(record, { site: 'portal.example', lang: 'fr' });
    expect(receipt).toEqual({
      type: 'consent-receipt',
      version: 1,
      id: 'abcdefgh1234',
      decidedAt: '2026-11-23T12:00:00.000Z',
      firstDecidedAt: '2026-01-01T00:00:00.000Z',
      site: 'portal.example',
      lang: 'fr',
      policyVersion: '1.1',
      declarationRevision: 1,
      method: 'custom',
      services: {},
      gpc: true,
      choices: { necessary: true, preferences: false, statistics: true, advertising: false, social: true },
    });
    expect(receiptFileName(receipt)).toBe('consent-2026-11-23-abcdefgh1234.json');
  });

  it('posts the receipt as JSON without credentials, and reports failure without throwing', async () => {
    const send = vi.fn(async () => new Response(null, { status: 201 }));
    const receipt = receiptOf(record, { site: 's', lang: 'en' });
    expect(await sendReceipt('https://x.test/consent', receipt, send as unknown as typeof fetch)).toBe(true);
    expect(send).toHaveBeenCalledWith(
      'https://x.test/consent',
      expect.objectContaining({ method: 'POST', credentials: 'omit', body: JSON.stringify(receipt) }),
    );
    const failing = vi.fn(async () => {
      throw new TypeError('network down');
    });
    expect(await sendReceipt('https://x.test/consent', receipt, failing as unknown as typeof fetch)).toBe(false);
  });
});

describe('Google Consent Mode v2', () => {
  it('denies every optional type by default and grants only what was chosen', () => {
    expect(consentModeDefault()).toMatchObject({
      ad_storage: 'denied',
      analytics_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      security_storage: 'granted',
    });
    expect(consentModeState(record.choices)).toMatchObject({
      analytics_storage: 'granted',
      ad_storage: 'denied',
      ad_user_data: 'denied',
      functionality_storage: 'denied',
    });
  });
});
