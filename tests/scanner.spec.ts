// The cookie and tracker scanner (`npm run scan`) on local sites that misbehave in known ways and one that behaves:
// each misdeed found where it happened, nothing else; the crawl stays on its sites and budgets; the officer's report.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { main } from '../scanner/cli.ts';
import { scan } from '../scanner/scan.ts';
import { readDeclarationFile } from '../widget/declaration/content.ts';
import type { ScanReport } from '../scanner/report.ts';
import { FIXTURE_DECLARATION, type FixtureSites, HOST_RULES, serveFixtures } from '../scanner/fixtures/sites.ts';
import { expectAccessible } from './helpers.ts';

test.describe.configure({ mode: 'serial' });

let sites: FixtureSites;
let dir: string;
let report: ScanReport;
let code: number;
/** The fixture server's port, taken out of addresses so that findings compare by host and path. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/:\d{4,5}\//g, '/'));

test.beforeAll(async () => {
  test.setTimeout(240_000);
  sites = await serveFixtures();
  dir = await mkdtemp(join(tmpdir(), 'scan-'));
  process.env['SCAN_CHROMIUM_ARGS'] = HOST_RULES;
  const lines: string[] = [];
  code = await main(
    [
      `${sites.origin('bad.test')}/`,
      // It leads to good.test: that site is the one scanned.
      `${sites.origin('go.test')}/`,
      '--declaration',
      FIXTURE_DECLARATION,
      '--out',
      dir,
      '--fail-on',
      'breach',
      '--pages',
      '4',
    ],
    (line) => lines.push(line),
    (line) => lines.push(line),
  );
  report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'));
});
test.afterAll(async () => {
  await sites?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const without = ['before', 'refused'];
const notStatistics = [...without, 'accepted:preferences', 'accepted:advertising', 'accepted:social'];
const every = [
  ...without,
  'accepted:preferences',
  'accepted:statistics',
  'accepted:advertising',
  'accepted:social',
  'all',
];

test('finds each breach of consent with its page and its source, and fails the scheduled check', () => {
  expect(code).toBe(1);
  const breaches = plain(report.findings.breaches).map(
    ({ what, name, category, passes, pages, sources }: Record<string, unknown>) => ({
      what,
      name,
      category,
      passes,
      pages,
      sources,
    }),
  );
  expect(breaches).toEqual([
    // A tracker's script before any choice, the cookie it writes and the request it sends.
    {
      what: 'cookie',
      name: '_trk_id',
      category: 'statistics',
      passes: notStatistics,
      pages: ['http://bad.test/'],
      sources: ['http://tracker.test/t.js'],
    },
    // A cookie set by the page's own response header.
    {
      what: 'cookie',
      name: '_ga',
      category: 'statistics',
      passes: notStatistics,
      pages: ['http://bad.test/a'],
      sources: ['http://bad.test/a'],
    },
    // A cookie written by a script in an iframe.
    {
      what: 'cookie',
      name: '_fbp',
      category: 'advertising',
      passes: [...without, 'accepted:preferences', 'accepted:statistics', 'accepted:social'],
      pages: ['http://bad.test/b'],
      sources: ['http://bad.test/frame'],
    },
    // The tracker's script, named in the page's markup, and the request that script sends.
    ...[
      ['t.js', 'http://bad.test/'],
      ['collect', 'http://tracker.test/t.js'],
    ].map(([file, source]) => ({
      what: 'request',
      name: `http://tracker.test/${file}`,
      category: 'statistics',
      passes: notStatistics,
      pages: ['http://bad.test/'],
      sources: [source],
    })),
  ]);
});

test('finds what no declared service explains, a lifetime too long, a page without the widget, a cookie unseen', () => {
  const f = plain(report.findings);
  expect(
    f.undeclared.map(({ what, name, withoutConsent, passes }: Record<string, unknown>) => [
      what,
      name,
      withoutConsent,
      passes,
    ]),
  ).toEqual([
    ['cookie', 'unk_id', true, every],
    ['storage', 'trk_visits', true, every],
    ['request', 'unknown.test', true, every],
  ]);
  expect(f.undeclared[0].sources).toEqual(['http://unknown.test/u.js']);
  expect(f.undeclared[2].sources).toEqual(['http://bad.test/c']);
  expect(f.lifetimes).toEqual([
    expect.objectContaining({ name: '_ga', declared: { months: 6 }, days: expect.closeTo(400, 0), site: 'bad.test' }),
  ]);
  expect(f.withoutWidget).toEqual([{ site: 'bad.test', page: 'http://bad.test/c' }]);
  expect(f.neverSeen).toEqual([{ name: 'citim_prefs', service: 'Préférences', category: 'preferences' }]);
  // Proposed for review: the undeclared third party with its cookie, and the storage entry.
  expect(f.proposals).toEqual([
    {
      category: 'necessary',
      reason: 'without-consent',
      service: { id: 'unknowntest', name: 'unknown.test', provider: 'unknown.test', hosts: ['unknown.test'] },
      cookies: [{ name: 'unk_id', lifetime: { days: 1 } }],
    },
    expect.objectContaining({ service: expect.objectContaining({ name: 'trk_visits' }) }),
  ]);
});

test('finds nothing on the site that behaves, whose gated tracker and video run only once allowed', () => {
  expect(JSON.stringify(report.findings)).not.toContain('good.test');
  const good = plain(report.scan.sites[1]);
  expect(good.pages).toEqual(['http://good.test/', 'http://good.test/about']);
  expect(good.site).toBe('good.test');
  expect(good.notes).toEqual(['http://go.test/ leads to http://good.test/: the site scanned is good.test']);
  expect(
    good.cookies.filter((c: { name: string }) => c.name === '_trk_id').map((c: { pass: string }) => c.pass),
  ).toEqual(['accepted:statistics', 'all']);
  expect(
    good.requests.filter((r: { host: string }) => r.host === 'video.test').map((r: { pass: string }) => r.pass),
  ).toEqual(['accepted:social', 'all']);
});

test('stays on the sites it was given and within its page budget, respects robots.txt and files no receipt', () => {
  const bad = plain(report.scan.sites[0]);
  expect(bad.pages).toEqual(['http://bad.test/', 'http://bad.test/a', 'http://bad.test/b', 'http://bad.test/c']);
  // Within its budget of four pages: /d, linked from the fourth, is listed as left, never fetched.
  // A link that led to another site and one to a file are left out (the other site's page fetched once, as a click
  // would, and nothing of it counted); robots.txt and the budget of four pages hold.
  expect(bad.skipped).toEqual([
    { url: 'http://bad.test/out', reason: 'elsewhere' },
    { url: 'http://bad.test/notes', reason: 'error' },
    { url: 'http://bad.test/private/x', reason: 'robots' },
    { url: 'http://bad.test/d', reason: 'pages' },
  ]);
  const fetched = sites.requests.filter((r) => /^other\.test|\/private\/|\.pdf$|bad\.test GET \/d$/.test(r));
  expect(fetched).toEqual(['other.test GET /landing']);
  expect(JSON.stringify(bad)).not.toContain('landing');
  // Every decision was made through the widget, and none reached the site as a receipt.
  expect(sites.requests.filter((r) => r.includes('POST'))).toEqual([]);
  expect(bad.notes).toEqual([]);
});

test('keeps within its time budget', async () => {
  const declaration = readDeclarationFile(FIXTURE_DECLARATION);
  const result = await scan([`${sites.origin('bad.test')}/`], {
    declaration,
    pages: 10,
    deadline: Date.now(),
    args: [HOST_RULES],
  });
  expect(plain(result.sites[0]).skipped).toEqual([{ url: 'http://bad.test/', reason: 'time' }]);
  expect(result.sites[0]!.visits).toEqual([]);
});

test('says when a site cannot be reached, and takes no error page for where it leads', async () => {
  const declaration = readDeclarationFile(FIXTURE_DECLARATION);
  const result = await scan(['http://nowhere.test:9/'], {
    declaration,
    pages: 5,
    deadline: Date.now() + 60_000,
    args: [HOST_RULES],
  });
  expect(result.sites[0]).toMatchObject({
    site: 'nowhere.test',
    pages: [],
    skipped: [{ url: 'http://nowhere.test:9/', reason: 'error' }],
    notes: [],
  });
});

test('the officer reads the report: breaches first, with their pages, and the entries to review', async ({ page }) => {
  await page.goto(`file://${join(dir, 'report.html')}`);
  await expect(page.getByRole('status')).toHaveText('5 manquement(s) au consentement : à corriger d’abord.');
  const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(headings[0]).toMatch(/^Manquements/);
  const breaches = page.getByRole('region', { name: /^Manquements/ });
  await expect(breaches.getByRole('row', { name: /_fbp/ })).toContainText('avant tout choix');
  await expect(breaches.getByRole('row', { name: /_fbp/ })).toContainText('/frame');
  await expect(
    page
      .getByRole('region', { name: /^Entrées proposées/ })
      .locator('pre')
      .first(),
  ).toContainText('hosts:');
  await expectAccessible(page);
});
