// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { cookieNames, cookiesOf } from '../core/withdrawal.ts';
import { cookieDigest } from '../declaration.ts';
import { decodeRecord } from '../core/record.ts';
import { CONSENT_COOKIE, domainsFor, pathsFor, removeEverywhere, writeConsent } from './cookies.ts';

describe('cookie places', () => {
  it('covers the host, the configured domain and every parent domain', () => {
    expect(domainsFor('www.citim.test', 'citim.test')).toEqual([undefined, 'citim.test', 'www.citim.test']);
    expect(domainsFor('a.b.citim.test')).toEqual([undefined, 'a.b.citim.test', 'b.citim.test', 'citim.test']);
    expect(domainsFor('127.0.0.1')).toEqual([undefined]);
    expect(domainsFor('localhost')).toEqual([undefined]);
  });

  it('covers the root and every ancestor of the page’s path, where a cookie set without a path lands', () => {
    expect(pathsFor('/blog/post')).toEqual(['/', '/blog', '/blog/', '/blog/post']);
    expect(pathsFor('/blog/post/')).toEqual(['/', '/blog', '/blog/', '/blog/post', '/blog/post/']);
    expect(pathsFor('/')).toEqual(['/']);
  });

  it('finds the declared cookies of refused categories and services, patterns included', () => {
    const category = (refused: string) => (c: string) => c === refused;
    expect(
      cookiesOf(cookieDigest(), category('statistics'), ['_ga', '_ga_ABC123', '_fbp', 'citim_consent', 'session']),
    ).toEqual(['_ga', '_ga_ABC123']);
    expect(cookiesOf(cookieDigest(), category('advertising'), ['_gcl_au', '_fbp', '_ga'])).toEqual(['_gcl_au', '_fbp']);
    expect(cookiesOf(cookieDigest(), category('necessary'), ['citim_consent'])).toEqual(['citim_consent']);
    // Meta's pixel refused on its own, Google Ads kept: only the pixel's cookie goes.
    expect(cookiesOf(cookieDigest(), (_c, service) => service === 'metapixel', ['_gcl_au', '_fbp'])).toEqual(['_fbp']);
  });
});

describe('consent cookie in the page', () => {
  beforeEach(() => {
    for (const name of cookieNames(document.cookie)) removeEverywhere(name, location.hostname);
  });

  it('writes a compact first-party cookie that reads back, and deletes it', () => {
    const record = {
      id: 'abcdefgh1234',
      created: Date.now() - 10,
      updated: Date.now(),
      choices: { preferences: true, statistics: false, advertising: false, social: false },
      revision: 1,
      policy: '1.1',
      gpc: false,
      method: 'custom' as const,
      services: {},
    };
    writeConsent(record, { maxAgeDays: 180, secure: false });
    const value = document.cookie
      .split('; ')
      .find((c) => c.startsWith(`${CONSENT_COOKIE}=`))!
      .split('=')[1];
    expect(decodeRecord(value)).toEqual(record);
    removeEverywhere(CONSENT_COOKIE, location.hostname);
    expect(document.cookie).not.toContain(CONSENT_COOKIE);
  });
});
