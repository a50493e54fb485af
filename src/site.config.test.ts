import { describe, expect, it } from 'vitest';
import { siteUrlFrom } from './site.config.ts';

describe('the public address', () => {
  it('takes the origin given, without a trailing slash', () => {
    expect(siteUrlFrom({ PORTAL_SITE_URL: 'https://vie-privee.example.org/' })).toEqual({
      url: 'https://vie-privee.example.org',
    });
  });

  it('warns on a local trial without one, and refuses a production build without one', () => {
    expect(siteUrlFrom({}).warning).toContain('PORTAL_SITE_URL is not set');
    expect(() => siteUrlFrom({ PORTAL_ENV: 'production' })).toThrow(/production build needs/);
  });

  it('refuses what is not an origin, and plain http in production', () => {
    for (const bad of ['example.org', 'https://example.org/portail/', 'ftp://example.org', 'https://example.org/?a=1'])
      expect(() => siteUrlFrom({ PORTAL_SITE_URL: bad }), bad).toThrow(/PORTAL_SITE_URL/);
    expect(() => siteUrlFrom({ PORTAL_SITE_URL: 'http://example.org', PORTAL_ENV: 'production' })).toThrow(/https/);
  });
});
