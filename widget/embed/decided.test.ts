// @vitest-environment happy-dom
// What a decision does beyond the consent cookie: refused services' cookies go, the receipt is filed.
import Cookies from 'js-cookie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refusedBy } from '../core/categories.ts';
import type { ConsentRecord } from '../core/record.ts';
import { cookieNames } from '../core/withdrawal.ts';
import { viewDigest } from '../declaration.ts';
import type { EmbedConfig } from './config.ts';
import { removeEverywhere } from './cookies.ts';
import { afterDecision } from './decided.ts';

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
const config = (endpoint?: string): EmbedConfig => ({
  lang: 'fr',
  policy: '1.1',
  endpoint,
  consentMode: false,
  maxAgeDays: 180,
  links: {},
  problems: [],
});
const page = (endpoint?: string) => ({
  declaration: viewDigest(),
  config: config(endpoint),
  host: location.hostname,
  refused: refusedBy(record.choices, record.services),
  remove: (name: string) => removeEverywhere(name, location.hostname, undefined, location.pathname),
});

afterEach(() => {
  vi.unstubAllGlobals();
  for (const name of cookieNames(document.cookie)) removeEverywhere(name, location.hostname);
});

describe('after a decision', () => {
  it('deletes the cookies of what it refuses, a service refused apart from its category included', () => {
    for (const name of ['_ga', '_ga_XYZ', '_gcl_au', '_fbp', 'citim_prefs', 'session']) Cookies.set(name, '1');
    afterDecision(record, page());
    expect(cookieNames(document.cookie).sort()).toEqual(['_gcl_au', 'citim_prefs', 'session']);
  });

  it('files the receipt where the page says, and only there', async () => {
    const sent: { url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(null, { status: 201 });
    });
    afterDecision(record, page());
    afterDecision(record, page('https://portal.test/api/consent-receipts'));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.url).toBe('https://portal.test/api/consent-receipts');
    expect(sent[0]!.body).toMatchObject({
      id: 'abc123def456',
      method: 'custom',
      lang: 'fr',
      choices: { necessary: true, preferences: true, statistics: false, advertising: true, social: false },
      services: { metapixel: false },
    });
  });
});
