// @vitest-environment happy-dom
// What follows a decision: its receipt filed where the page says, and the cookies of what it refuses deleted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusedBy } from '../core/categories.ts';
import type { ConsentRecord } from '../core/record.ts';
import { cookieNames } from '../core/withdrawal.ts';
import { cookieDigest } from '../declaration/index.ts';
import { removeEverywhere } from './cookies.ts';
import { deleteRefused, fileReceipt } from './decided.ts';

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

const remove = (name: string) => removeEverywhere(name, location.hostname, undefined, location.pathname);

afterEach(() => {
  vi.unstubAllGlobals();
  for (const name of cookieNames(document.cookie)) remove(name);
});

// biome-ignore lint/suspicious/noDocumentCookie: a page's scripts set their cookies so.
const setCookie = (name: string) => (document.cookie = `${name}=1; path=/`);

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

describe('after a decision', () => {
  it('deletes the cookies of what it refuses, a service refused apart from its category included', () => {
    for (const name of ['_ga', '_ga_XYZ', '_gcl_au', '_fbp', 'citim_prefs', 'session']) setCookie(name);
    const choices = { preferences: true, statistics: false, advertising: true, social: false };
    deleteRefused(refusedBy(choices, { metapixel: false }), remove, cookieDigest());
    expect(cookieNames(document.cookie).sort()).toEqual(['_gcl_au', 'citim_prefs', 'session']);
  });

  it('deletes nothing a decision allows, nor what no service declares', () => {
    for (const name of ['_ga', '_fbp', 'session']) setCookie(name);
    const choices = { preferences: true, statistics: true, advertising: true, social: true };
    deleteRefused(refusedBy(choices, {}), remove, cookieDigest());
    expect(cookieNames(document.cookie).sort()).toEqual(['_fbp', '_ga', 'session']);
  });
});
