// The scan's report: a page the privacy officer reads (breaches first, then what is undeclared, lifetimes, pages
// without the widget, declared cookies never seen, the entries proposed, and what was visited), and its JSON.
import { stringify } from 'yaml';
import { escapeHtml } from '../shared/escape-html.ts';
import { type ScanSummary, SUMMARY_ITEMS } from '../shared/scan-summary.ts';
import { fill } from '../shared/fill.ts';
import type { Declaration } from '../widget/declaration/schema.ts';
import { lifetimeWords } from '../widget/declaration/schema.ts';
import type { Optional } from '../shared/consent.ts';
import { type Findings, grantedIn, type Proposal, type Sightings } from './compare.ts';
import { PASSES, passName } from './observations.ts';
import type { ScanResult } from './observations.ts';
import { en, fr, type ScanKey } from './words.ts';

export type Lang = 'fr' | 'en';

/** The report's JSON: everything seen and found, and the summary the inbox keeps (`npm run officer -- scan-record`). */
export interface ScanReport {
  type: 'citim-scan';
  version: 1;
  summary: ScanSummary;
  scan: ScanResult;
  findings: Findings;
}

export const reportJson = (scan: ScanResult, findings: Findings): ScanReport => ({
  type: 'citim-scan',
  version: 1,
  summary: summarize(scan, findings),
  scan,
  findings,
});

/** The summary: counts, and the first breaches and undeclared items (in the findings' order). */
export function summarize(scan: ScanResult, findings: Findings): ScanSummary {
  return {
    type: 'citim-scan-summary',
    version: 1,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    revision: scan.revision,
    sites: scan.sites.map((s) => ({ start: s.start, pages: s.pages.length })),
    counts: {
      breaches: findings.breaches.length,
      undeclared: findings.undeclared.length,
      lifetimes: findings.lifetimes.length,
      withoutWidget: findings.withoutWidget.length,
      neverSeen: findings.neverSeen.length,
    },
    breaches: findings.breaches
      .slice(0, SUMMARY_ITEMS)
      .map(({ what, name, service, category, site, passes, pages, sources }) => ({
        what,
        name,
        service,
        category,
        site,
        passes,
        pages,
        sources,
      })),
    undeclared: findings.undeclared
      .slice(0, SUMMARY_ITEMS)
      .map(({ what, name, site, withoutConsent, passes }) => ({ what, name, site, withoutConsent, passes })),
  };
}

export const scanT =
  (lang: Lang) =>
  (key: ScanKey, vars?: Record<string, string | number>): string =>
    fill((lang === 'fr' ? fr : en)[key], vars);

export function reportHtml(report: ScanReport, declaration: Declaration, lang: Lang): string {
  const t = scanT(lang);
  const { scan, findings } = report;
  const e = escapeHtml;
  const title = (id: string) => declaration.categories.find((c) => c.id === id)?.title[lang] ?? id;
  // The passes in a few words where they follow a pattern: always, or whenever one category was not accepted.
  const when = (passes: string[], category?: string) => {
    const all = PASSES.map(passName);
    if (all.every((p) => passes.includes(p))) return t('pass.always');
    if (category && all.every((p) => passes.includes(p) === !grantedIn(p).has(category as Optional)))
      return t('pass.withoutCategory', { category: title(category) });
    return passes
      .map((p) =>
        p.startsWith('accepted:') ? t('pass.accepted', { category: title(p.slice(9)) }) : t(`pass.${p}` as ScanKey),
      )
      .join(' ; ');
  };
  const pages = (s: Sightings) => s.pages.map((p) => `<a href="${e(p)}">${e(shortPage(p))}</a>`).join('<br>');
  const sources = (s: Sightings) => s.sources.map((x) => `<code>${e(x)}</code>`).join('<br>');
  const date = (iso: string) =>
    new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  const table = (heads: ScanKey[], rows: string[][]) =>
    rows.length
      ? `<div class="scroll"><table><thead><tr>${heads.map((h) => `<th scope="col">${t(h)}</th>`).join('')}</tr>` +
        `</thead><tbody>${rows.map(row).join('')}</tbody></table></div>`
      : `<p>${t('section.none')}</p>`;
  // The first cell heads its row.
  function row(cells: string[]) {
    return `<tr>${cells.map((c, i) => (i ? `<td>${c}</td>` : `<th scope="row">${c}</th>`)).join('')}</tr>`;
  }
  const section = (id: string, heading: ScanKey, intro: ScanKey | null, body: string) =>
    `<section aria-labelledby="${id}"><h2 id="${id}">${t(heading)}</h2>` +
    `${intro ? `<p>${t(intro)}</p>` : ''}${body}</section>`;
  const lifetime = (days: number | null) => (days === null ? t('session') : t('days', { days: Math.round(days) }));
  const visited = new Set(scan.sites.flatMap((s) => s.pages)).size;

  const breaches = table(
    ['col.what', 'col.name', 'col.service', 'col.when', 'col.pages', 'col.source'],
    findings.breaches.map((b) => [
      t(`what.${b.what}`),
      `<code>${e(b.name)}</code>`,
      `${e(b.service)} (${e(title(b.category))})`,
      e(when(b.passes, b.category)),
      pages(b),
      sources(b),
    ]),
  );
  const undeclared = table(
    ['col.what', 'col.name', 'col.withoutConsent', 'col.when', 'col.pages', 'col.source'],
    findings.undeclared.map((u) => [
      t(`what.${u.what}`),
      `<code>${e(u.name)}</code>`,
      u.withoutConsent ? `<strong>${t('yes')}</strong>` : t('no'),
      e(when(u.passes)),
      pages(u),
      sources(u),
    ]),
  );
  const lifetimes = table(
    ['col.name', 'col.service', 'col.declared', 'col.seen', 'col.pages'],
    findings.lifetimes.map((l) => [
      `<code>${e(l.name)}</code>`,
      e(l.service),
      e(lifetimeWords(l.declared, lang)),
      lifetime(l.days),
      pages(l),
    ]),
  );
  const withoutWidget = table(
    ['col.page'],
    findings.withoutWidget.map((w) => [`<a href="${e(w.page)}">${e(w.page)}</a>`]),
  );
  const neverSeen = table(
    ['col.name', 'col.service', 'col.category'],
    findings.neverSeen.map((n) => [`<code>${e(n.name)}</code>`, e(n.service), e(title(n.category))]),
  );
  const proposals = findings.proposals.length
    ? findings.proposals.map((p) => proposalHtml(p, t, title)).join('')
    : `<p>${t('section.none')}</p>`;
  const crawl = scan.sites
    .map(
      (s) =>
        `<h3>${e(s.start)}</h3><p>${e(t('crawl.pages', { site: s.site, count: s.pages.length }))}</p><ul>${s.pages
          .map((p) => `<li><a href="${e(p)}">${e(p)}</a></li>`)
          .join('')}${s.skipped
          .map((k) => `<li><s>${e(k.url)}</s> ${t(`crawl.skipped.${k.reason}`)}</li>`)
          .join('')}${s.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`,
    )
    .join('');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t('report.title')} — ${e(date(scan.startedAt))}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}code{font-size:.9em;overflow-wrap:anywhere}
.verdict{font-size:1.2rem;font-weight:700;padding:.75rem 1rem;border-left:.4rem solid #1b6b35;background:#eef7f0}
.verdict.bad{border-color:#a4161a;background:#fbeaea}.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto}a{color:#0b4f8a}
@media (prefers-color-scheme:dark){body{background:#121212;color:#eee}a{color:#8ec5ff}pre{background:#222}
.verdict{background:#16301f}.verdict.bad{background:#3a1517}}
</style>
</head>
<body>
<main>
<h1>${t('report.title')}</h1>
<p>${e(t('report.when', { start: date(scan.startedAt), end: date(scan.finishedAt) }))}</p>
<p>${e(t('report.intro', { revision: scan.revision }))}</p>
<p class="verdict${findings.breaches.length ? ' bad' : ''}" role="status">${
    findings.breaches.length
      ? e(t('report.verdict.breaches', { count: findings.breaches.length }))
      : t('report.verdict.clean')
  }</p>
<p>${e(
    t('report.counts', {
      pages: visited,
      sites: scan.sites.length,
      undeclared: findings.undeclared.length,
      lifetimes: findings.lifetimes.length,
      missing: findings.withoutWidget.length,
      never: findings.neverSeen.length,
    }),
  )}</p>
${section('breaches', 'section.breaches', 'section.breaches.intro', breaches)}
${section('undeclared', 'section.undeclared', 'section.undeclared.intro', undeclared)}
${section('lifetimes', 'section.lifetimes', null, lifetimes)}
${section('without-widget', 'section.withoutWidget', 'section.withoutWidget.intro', withoutWidget)}
${section('never-seen', 'section.neverSeen', 'section.neverSeen.intro', neverSeen)}
${section('proposals', 'section.proposals', 'section.proposals.intro', proposals)}
${section('crawl', 'section.crawl', null, crawl)}
</main>
</body>
</html>
`;
}

/** A proposed entry as the YAML to paste, with why its category was chosen. */
function proposalHtml(p: Proposal, t: ReturnType<typeof scanT>, title: (id: string) => string): string {
  const entry = {
    id: p.service.id,
    name: p.service.name,
    provider: p.service.provider,
    purpose: { fr: '?', en: '?' },
    ...(p.service.hosts.length ? { hosts: p.service.hosts } : {}),
    cookies: p.cookies.map((c) => ({ name: c.name, lifetime: c.lifetime, party: 'first' })),
  };
  const reason = t(`reason.${p.reason}`, { category: p.category ? title(p.category) : '' });
  const heading = p.category ? `${title(p.category)} — ${reason}` : reason;
  return `<h3>${escapeHtml(p.service.name)}</h3><p>${escapeHtml(heading)}</p><pre><code>${escapeHtml(
    stringify([entry], { flowCollectionPadding: false }),
  )}</code></pre>`;
}

const shortPage = (url: string) => {
  const { host, pathname, search } = new URL(url);
  return `${host}${pathname}${search}`;
};
