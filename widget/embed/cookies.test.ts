// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { cookieNames, cookiesOf } from '../core/withdrawal.ts';
import { cookieDigest } from '../declaration/index.ts';
import { decodeRecord } from '../core/record.ts';
import { CONSENT_COOKIE, cookieLine, domainsFor, pathsFor, removeEverywhere, writeConsent } from './cookies.ts';

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

  it('writes the same line on a page whose libraries made members of Object.prototype enumerable', () => {
    // What the page's document receives (happy-dom's own cookie jar does not survive such a prototype; Chromium's
    // does, tests/consent-hosts.spec.ts).
    const lines: string[] = [];
    Object.defineProperty(document, 'cookie', { configurable: true, set: (line: string) => lines.push(line) });
    const planted = { domain: 'elsewhere.test', expires: () => 'x', path: '/nowhere', secure: true, max: 1 };
    const record = {
      id: 'pollutedpage1',
      created: 1,
      updated: 2,
      choices: { preferences: false, statistics: true, advertising: false, social: false },
      revision: 1,
      policy: '1.1',
      gpc: false,
      method: 'custom' as const,
      services: {},
    };
    try {
      writeConsent(record, { maxAgeDays: 180, secure: false });
      removeEverywhere('_ga', 'www.citim.test', undefined, '/');
      Object.assign(Object.prototype, planted);
      writeConsent(record, { maxAgeDays: 180, secure: false });
      removeEverywhere('_ga', 'www.citim.test', undefined, '/');
    } finally {
      for (const name of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[name];
      delete (document as unknown as { cookie?: string }).cookie;
    }
    const half = lines.length / 2;
    expect(half).toBe(4);
    // Same lines but for the expiry's second.
    const trim = (l: string) => l.replace(/expires=[^;]*/, 'expires');
    expect(lines.slice(half).map(trim)).toEqual(lines.slice(0, half).map(trim));
    expect(lines[0]).not.toMatch(/elsewhere|nowhere|secure/);
  });

  it('writes its attributes from a fixed list, by name', () => {
    const now = Date.UTC(2026, 11, 7);
    expect(
      cookieLine(
        'citim_consent',
        'a b;c',
        { path: '/', domain: 'citim.test', days: 1, sameSite: 'Lax', secure: true },
        now,
      ),
    ).toBe(
      'citim_consent=a%20b%3Bc; path=/; domain=citim.test; expires=Tue, 08 Dec 2026 00:00:00 GMT; samesite=Lax; secure',
    );
    expect(cookieLine('_ga', '', { path: '/blog', days: -1 }, now)).toBe(
      '_ga=; path=/blog; expires=Sun, 06 Dec 2026 00:00:00 GMT',
    );
  });
});
