// How a scan's records are held against the declaration: breaches, undeclared items, lifetimes, proposals.
import { describe, expect, it } from 'vitest';
import { readDeclarationFile } from '../widget/declaration/content.ts';
import { compare } from './compare.ts';
import { FIXTURE_DECLARATION } from './fixtures/sites.ts';
import type { CookieSeen, RequestSeen, ScanResult, SiteScan, StorageSeen } from './observations.ts';

const declaration = readDeclarationFile(FIXTURE_DECLARATION);
const PAGE = 'https://www.site.test/';

const site = (over: Partial<SiteScan>): ScanResult => ({
  startedAt: '2026-12-07T10:00:00.000Z',
  finishedAt: '2026-12-07T10:01:00.000Z',
  revision: 1,
  sites: [
    {
      start: PAGE,
      site: 'site.test',
      widgetOrigins: ['https://portal.test'],
      pages: [PAGE],
      skipped: [],
      visits: [{ pass: 'before', url: PAGE, widget: true, status: 200 }],
      cookies: [],
      storage: [],
      requests: [],
      notes: [],
      ...over,
    },
  ],
});
const cookie = (pass: string, name: string, days: number | null = 30): CookieSeen => ({
  pass,
  page: PAGE,
  name,
  domain: 'www.site.test',
  path: '/',
  days,
  setter: { by: 'script', source: 'https://cdn.tracker.test/t.js' },
});
const request = (pass: string, host: string): RequestSeen => ({
  pass,
  page: PAGE,
  url: `https://${host}/x.js`,
  host,
  type: 'script',
});

describe('a scan held against the declaration', () => {
  it('calls an optional cookie a breach where its category was not granted, never where it was', () => {
    const found = compare(
      site({
        cookies: ['before', 'refused', 'accepted:advertising', 'accepted:statistics', 'all'].map((p) =>
          cookie(p, '_trk_id'),
        ),
      }),
      declaration,
    );
    expect(found.breaches).toEqual([
      expect.objectContaining({
        what: 'cookie',
        name: '_trk_id',
        category: 'statistics',
        passes: ['before', 'refused', 'accepted:advertising'],
      }),
    ]);
    expect(found.neverSeen.map((n) => n.name)).not.toContain('_trk_id');
  });

  it('never calls the strictly necessary a breach, nor the widget’s own origin a third party', () => {
    const found = compare(
      site({ cookies: [cookie('refused', 'citim_consent', 180)], requests: [request('before', 'portal.test')] }),
      declaration,
    );
    expect(found.breaches).toEqual([]);
    expect(found.undeclared).toEqual([]);
  });

  it('matches a request to a declared service by its domain and subdomains; groups an unknown one by its site', () => {
    const found = compare(
      site({
        requests: [
          request('before', 'cdn.tracker.test'),
          request('all', 'a.cdn.stranger.test'),
          request('all', 'b.stranger.test'),
        ],
      }),
      declaration,
    );
    expect(found.breaches.map((b) => b.name)).toEqual(['https://cdn.tracker.test/x.js']);
    expect(found.undeclared).toEqual([
      expect.objectContaining({ what: 'request', name: 'stranger.test', withoutConsent: false, passes: ['all'] }),
    ]);
    expect(found.proposals).toEqual([
      expect.objectContaining({
        category: null,
        reason: 'only-with-all',
        service: expect.objectContaining({ hosts: ['stranger.test'] }),
      }),
    ]);
  });

  it('lists what is undeclared with what was seen without consent first', () => {
    const found = compare(site({ cookies: [cookie('all', 'later'), cookie('before', 'early')] }), declaration);
    expect(found.undeclared.map((u) => [u.name, u.withoutConsent])).toEqual([
      ['early', true],
      ['later', false],
    ]);
  });

  it('finds a lifetime longer than declared (a day’s grace given), a lasting cookie declared for a session', () => {
    const session = structuredClone(declaration);
    session.categories[2]!.services[0]!.cookies[0]!.lifetime = 'session';
    const within = compare(site({ cookies: [cookie('all', '_trk_id', 13 * 31 + 1)] }), declaration);
    expect(within.lifetimes).toEqual([]);
    const longer = compare(
      site({ cookies: [cookie('all', '_trk_id', 13 * 31 + 1.5), cookie('all', '_trk_id', 500)] }),
      declaration,
    );
    expect(longer.lifetimes).toEqual([
      expect.objectContaining({ name: '_trk_id', days: 500, declared: { months: 13 } }),
    ]);
    expect(compare(site({ cookies: [cookie('all', '_trk_id', 1)] }), session).lifetimes).toHaveLength(1);
    expect(compare(site({ cookies: [cookie('all', '_trk_id', null)] }), session).lifetimes).toEqual([]);
  });

  it('proposes the category an undeclared cookie showed up with alone, and its lifetime rounded', () => {
    const found = compare(
      site({ cookies: [cookie('accepted:advertising', 'adx', 90), cookie('all', 'adx', 90)] }),
      declaration,
    );
    expect(found.proposals).toEqual([
      {
        category: 'advertising',
        reason: 'only-with-category',
        service: { id: 'trackertest', name: 'tracker.test', provider: 'tracker.test', hosts: ['tracker.test'] },
        cookies: [{ name: 'adx', lifetime: { months: 3 } }],
      },
    ]);
  });

  it('matches storage entries against the declared names, and lists pages without the widget', () => {
    const storage: StorageSeen = {
      pass: 'before',
      page: PAGE,
      area: 'local',
      name: '_fbp',
      origin: 'https://www.site.test',
      setter: { by: 'unknown' },
    };
    const found = compare(
      site({ storage: [storage], visits: [{ pass: 'before', url: PAGE, widget: false, status: 200 }] }),
      declaration,
    );
    expect(found.breaches).toEqual([
      expect.objectContaining({ what: 'storage', name: '_fbp', category: 'advertising' }),
    ]);
    expect(found.withoutWidget).toEqual([{ site: 'site.test', page: PAGE }]);
  });
});
