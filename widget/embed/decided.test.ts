// @vitest-environment happy-dom
// The receipt of a decision: filed where the page says, and only there.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentRecord } from '../core/record.ts';
import { fileReceipt } from './decided.ts';

const record: ConsentRecord = {
  id: 'abc123def456',
  created: Date.UTC(2026, 10, 24),
  updated: Date.UTC(2026, 10, 24),
  choices: { preferences: true, statistics: false, advertising: true, social: false },
  revision: 1,
  policy: '1.1',
  gpc: false,
  method: 'custom',
  services: { metapixel: false },
};

afterEach(() => vi.unstubAllGlobals());

describe('the receipt of a decision', () => {
  it('is filed where the page says, and only there', async () => {
    const sent: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(null, { status: 201 });
    });
    fileReceipt(record, { lang: 'fr', endpoint: undefined }, 'www.embed.test');
    fileReceipt(record, { lang: 'fr', endpoint: 'https://portal.test/api/consent-receipts' }, 'www.embed.test');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toBe('https://portal.test/api/consent-receipts');
    expect(sent[0]!.body).toMatchObject({
      id: 'abc123def456',
      site: 'www.embed.test',
      method: 'custom',
      lang: 'fr',
      choices: { necessary: true, preferences: true, statistics: false, advertising: true, social: false },
      services: { metapixel: false },
    });
  });
});
