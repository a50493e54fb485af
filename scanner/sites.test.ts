// What a site is to the scanner: registrable domains, the crawl's scope, declared hosts and name patterns.
import { describe, expect, it } from 'vitest';
import { hostIn, inScope, nameMatches, pageAddress, siteOf } from './sites.ts';

describe('what a site is to the scanner', () => {
  it('is the registrable domain, by the Public Suffix List', () => {
    expect(siteOf('https://www.citim.org/a')).toBe('citim.org');
    expect(siteOf('https://blog.example.co.uk/')).toBe('example.co.uk');
    expect(siteOf('https://someone.github.io/')).toBe('someone.github.io');
    expect(siteOf('http://127.0.0.1:4321/')).toBe('127.0.0.1');
  });

  it('follows the same site’s pages only: same scheme and port, no other site, no files to download', () => {
    const start = new URL('https://www.citim.org/');
    expect(inScope(start, new URL('https://dons.citim.org/fr/'))).toBe(true);
    expect(inScope(start, new URL('https://citim.org.evil.test/'))).toBe(false);
    expect(inScope(start, new URL('http://www.citim.org/'))).toBe(false);
    expect(inScope(start, new URL('https://www.citim.org:8443/'))).toBe(false);
    expect(inScope(start, new URL('https://www.citim.org/rapport.PDF'))).toBe(false);
    expect(pageAddress('https://www.citim.org/a#top')).toBe('https://www.citim.org/a');
  });

  it('matches a declared host with its subdomains, and a declared name with its * pattern', () => {
    expect(hostIn('www.google-analytics.com', 'google-analytics.com')).toBe(true);
    expect(hostIn('notgoogle-analytics.com', 'google-analytics.com')).toBe(false);
    expect(nameMatches('_ga_ABC123', '_ga_*')).toBe(true);
    expect(nameMatches('_ga', '_ga_*')).toBe(false);
    expect(nameMatches('a.b', 'a*b')).toBe(true);
    expect(nameMatches('axb', 'a.b')).toBe(false);
  });
});
