import { describe, expect, it } from 'vitest';
import { digest } from '../declaration.ts';
import { type Defaults, ownTag, readConfig, validDomain } from './config.ts';

const defaults: Defaults = {
  policy: '1.1',
  links: {
    fr: {
      policy: 'https://portal.test/fr/politique/',
      compare: 'https://portal.test/fr/politique/comparer/?from={from}&to={to}',
    },
    en: {
      policy: 'https://portal.test/en/policy/',
      compare: 'https://portal.test/en/policy/compare/?from={from}&to={to}',
    },
  },
  declaration: digest(),
};

describe('embed configuration', () => {
  it('uses the built-in defaults and the page language', () => {
    const config = readConfig({}, 'en-CA', defaults, 'www.citim.test');
    expect(config).toMatchObject({
      lang: 'en',
      policy: '1.1',
      maxAgeDays: 180,
      consentMode: false,
      links: defaults.links.en,
      problems: [],
    });
    expect(config.domain).toBeUndefined();
    expect(config.endpoint).toBeUndefined();
  });

  it('reads the script tag’s attributes', () => {
    const config = readConfig(
      {
        lang: 'fr',
        cookieDomain: 'citim.test',
        endpoint: 'https://portal.test/api/consent',
        consentMode: 'google',
        maxAgeDays: '365',
        policy: '2.0',
        renewSince: '2.0',
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
      { cookieDomain: 'other.test', maxAgeDays: '9999', endpoint: 'http://tracker.test/x', policy: 'latest' },
      null,
      defaults,
      'www.citim.test',
    );
    expect(config.domain).toBeUndefined();
    expect(config.endpoint).toBeUndefined();
    expect(config.maxAgeDays).toBe(180);
    expect(config.policy).toBe('1.1');
    expect(config.problems).toHaveLength(3);
  });

  it('accepts only the host or its parents as cookie domain', () => {
    expect(validDomain('citim.test', 'www.citim.test')).toBe(true);
    expect(validDomain('.citim.test', 'citim.test')).toBe(true);
    expect(validDomain('test', 'www.citim.test')).toBe(false);
    expect(validDomain('im.test', 'www.citim.test')).toBe(false);
  });
});

describe('finding the widget’s own script tag', () => {
  const script = (src: string, dataset: Record<string, string> = {}, type = 'module') => ({ src, type, dataset });
  const module = 'https://portal.test/widget/consent.js';

  it('finds it behind a redirecting alias by its settings, and its settings only', () => {
    const tags = [
      script('https://cdn.test/analytics.js', {}, ''),
      script('https://portal.test/latest', { lang: 'en', cookieDomain: 'example.org' }),
    ];
    expect(ownTag(tags, module)?.dataset['lang']).toBe('en');
    expect(ownTag([script('https://cdn.test/app.js', { foo: 'bar' })], module)).toBeUndefined();
  });

  it('prefers the marked tag, then the same address, then the same file name (a version query)', () => {
    const marked = script('https://portal.test/x.js', { citimConsent: '', lang: 'fr' });
    expect(ownTag([script(module, { lang: 'en' }), marked], module)).toBe(marked);
    const versioned = script(`${module}?v=2`, { lang: 'en' });
    expect(ownTag([script('https://portal.test/other.js', { lang: 'fr' }), versioned], module)).toBe(versioned);
  });
});
