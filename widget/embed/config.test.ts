import { describe, expect, it } from 'vitest';
import { digest } from '../declaration/index.ts';
import { type Defaults, ownTag, readConfig, settingsOf, validDomain, webAddress } from './config.ts';

const defaults: Defaults = { policy: '1.1', declaration: digest() };

describe('embed configuration', () => {
  it('uses the built-in defaults and the page language', () => {
    const config = readConfig({}, 'en-CA', defaults, 'www.citim.test');
    expect(config).toMatchObject({
      lang: 'en',
      policy: '1.1',
      maxAgeDays: 180,
      consentMode: false,
      links: {},
      problems: [],
    });
    expect(config.domain).toBeUndefined();
    expect(config.endpoint).toBeUndefined();
  });

  it('reads the script tag’s attributes', () => {
    const config = readConfig(
      {
        lang: 'fr',
        'cookie-domain': 'citim.test',
        endpoint: 'https://portal.test/api/consent',
        'consent-mode': 'google',
        'max-age-days': '365',
        policy: '2.0',
        'renew-since': '2.0',
      },
      'en',
      defaults,
      'www.citim.test',
    );
    expect(config).toMatchObject({
      lang: 'fr',
      domain: 'citim.test',
      endpoint: 'https://portal.test/api/consent',
      consentMode: true,
      maxAgeDays: 365,
      policy: '2.0',
      renewSince: '2.0',
      problems: [],
    });
  });

  it('explains and ignores settings that cannot work, keeping the safe default', () => {
    const config = readConfig(
      { 'cookie-domain': 'other.test', 'max-age-days': '9999', endpoint: 'http://tracker.test/x', policy: 'latest' },
      null,
      defaults,
      'www.citim.test',
    );
    expect(config.domain).toBeUndefined();
    expect(config.endpoint).toBeUndefined();
    expect(config.maxAgeDays).toBe(180);
    expect(config.policy).toBe('1.1');
    expect(config.problems).toHaveLength(4);
  });

  it('never takes a member planted on Object.prototype for a setting, and checks every setting it reads', () => {
    const planted = {
      endpoint: 'https://collector.test/r',
      'policy-url': 'javascript:alert(1)',
      'max-age-days': '1',
      'cookie-domain': 'citim.test',
      'consent-mode': 'google',
      lang: 'en',
      'reopen-button': '',
    };
    Object.assign(Object.prototype, planted);
    try {
      const tag = { getAttribute: (name: string) => (name === 'data-lang' ? 'fr' : null) };
      const config = readConfig(settingsOf(tag), null, defaults, 'www.citim.test');
      expect(config).toMatchObject({ lang: 'fr', maxAgeDays: 180, consentMode: false, reopenButton: false });
      expect(config.endpoint).toBeUndefined();
      expect(config.domain).toBeUndefined();
      expect(config.links.policy).toBeUndefined();
      // Even a plain object handed over: only its own members are read.
      expect(readConfig({}, 'fr', defaults, 'www.citim.test').endpoint).toBeUndefined();
    } finally {
      for (const name of Object.keys(planted)) delete (Object.prototype as Record<string, unknown>)[name];
    }
  });

  it('links only to web addresses and posts receipts only over https (or to its own origin)', () => {
    const config = readConfig(
      { 'policy-url': 'javascript:alert(1)', 'compare-url': 'data:text/html,x', endpoint: '//collector.test/r' },
      'fr',
      defaults,
      'www.citim.test',
      'http://www.citim.test/page',
    );
    expect(config.links).toEqual({ policy: undefined, compare: undefined });
    expect(config.endpoint).toBeUndefined();
    expect(config.problems).toEqual(['data-endpoint', 'data-policy-url', 'data-compare-url']);
    expect(webAddress('/fr/politique/', 'http://www.citim.test/')).toBe(true);
    expect(webAddress('/api/consent-receipts', 'http://www.citim.test/', true)).toBe(true);
    expect(webAddress('http://other.test/r', 'http://www.citim.test/', true)).toBe(false);
    expect(webAddress(' JavaScript:alert(1)', 'https://www.citim.test/')).toBe(false);
  });

  it('accepts only the host or its parents as cookie domain', () => {
    expect(validDomain('citim.test', 'www.citim.test')).toBe(true);
    expect(validDomain('.citim.test', 'citim.test')).toBe(true);
    expect(validDomain('test', 'www.citim.test')).toBe(false);
    expect(validDomain('im.test', 'www.citim.test')).toBe(false);
  });
});

describe('finding the widget’s own script tag', () => {
  const script = (src: string, data: Record<string, string> = {}, type = 'module') => ({
    src,
    type,
    data,
    hasAttribute: (name: string) => Object.hasOwn(data, name.slice(5)),
    getAttributeNames: () => Object.keys(data).map((name) => `data-${name}`),
  });
  const module = 'https://portal.test/widget/consent.js';

  it('finds it behind a redirecting alias by its settings, and its settings only', () => {
    const tags = [
      script('https://cdn.test/analytics.js', {}, ''),
      script('https://portal.test/latest', { lang: 'en', 'cookie-domain': 'example.org' }),
    ];
    expect(ownTag(tags, module)?.data['lang']).toBe('en');
    expect(ownTag([script('https://cdn.test/app.js', { foo: 'bar' })], module)).toBeUndefined();
  });

  it('prefers the marked tag, then the same address, then the same file name (a version query)', () => {
    const marked = script('https://portal.test/x.js', { 'citim-consent': '', lang: 'fr' });
    expect(ownTag([script(module, { lang: 'en' }), marked], module)).toBe(marked);
    const versioned = script(`${module}?v=2`, { lang: 'en' });
    expect(ownTag([script('https://portal.test/other.js', { lang: 'fr' }), versioned], module)).toBe(versioned);
  });
});
