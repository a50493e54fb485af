// A scan held against the declaration: what broke consent (an optional cookie, storage entry or request before a choice
// or after a refusal), what no declared service explains, lifetimes longer than declared, declared cookies never seen,
// pages without the widget, and declaration entries proposed for what was found (to review, never applied).
import { type Category, OPTIONAL, type Optional } from '../shared/consent.ts';
import {
  type CookieDeclaration,
  type Declaration,
  type Lifetime,
  lifetimeDays,
  type ServiceDeclaration,
} from '../widget/declaration/schema.ts';
import type { ScanResult } from './observations.ts';
import { hostIn, nameMatches, siteOf } from './sites.ts';

export type What = 'cookie' | 'storage' | 'request';

/** Where something was seen: the passes, a few pages, and who set or loaded it. */
export interface Sightings {
  site: string;
  passes: string[];
  pages: string[];
  sources: string[];
}

export interface Breach extends Sightings {
  what: What;
  /** The cookie's or storage entry's name, or the request's address. */
  name: string;
  service: string;
  category: Optional;
}

export interface Undeclared extends Sightings {
  what: What;
  /** The cookie's or storage entry's name, or the third party's domain. */
  name: string;
  /** Seen before any choice or after a refusal: strictly necessary, or a breach. */
  withoutConsent: boolean;
}

export interface LongerLifetime extends Sightings {
  name: string;
  service: string;
  declared: Lifetime;
  /** The longest lifetime seen, in days (a session cookie never counts as longer). */
  days: number;
}

export interface Proposal {
  /** What to add, to review: the category it seems to belong to, or none where the scan cannot tell. */
  category: Optional | 'necessary' | null;
  /** Why that category. */
  reason: 'only-with-category' | 'without-consent' | 'only-with-all' | 'several';
  service: { id: string; name: string; provider: string; hosts: string[] };
  cookies: { name: string; lifetime: Lifetime }[];
}

export interface Findings {
  breaches: Breach[];
  /** Those seen without consent first. */
  undeclared: Undeclared[];
  lifetimes: LongerLifetime[];
  neverSeen: { name: string; service: string; category: string }[];
  withoutWidget: { site: string; page: string }[];
  proposals: Proposal[];
}

const MAX_PAGES = 5;

/** What each pass's decision granted. */
export const grantedIn = (pass: string): Set<Optional> =>
  pass === 'all'
    ? new Set(OPTIONAL)
    : pass.startsWith('accepted:')
      ? new Set([pass.slice('accepted:'.length) as Optional])
      : new Set();
const withoutConsent = (pass: string) => pass === 'before' || pass === 'refused';

export function compare(scan: ScanResult, declaration: Declaration): Findings {
  const services = declaration.categories.flatMap((category) =>
    category.services.map((service) => ({ category: category.id, service })),
  );
  /** The declared cookie a name matches, with its service and category. */
  const cookies = services.flatMap((s) => s.service.cookies.map((cookie) => ({ ...s, cookie })));
  const byName = (name: string) => cookies.find(({ cookie }) => nameMatches(name, cookie.name));
  const byHost = (host: string) => services.find(({ service }) => service.hosts.some((h) => hostIn(host, h)));

  const breaches = new Grouped<Breach>();
  const undeclared = new Grouped<Undeclared>();
  const lifetimes = new Grouped<LongerLifetime>();
  const seenNames = new Set<string>();
  const withoutWidget: Findings['withoutWidget'] = [];

  for (const site of scan.sites) {
    const tool = new Set(site.widgetOrigins.map((o) => new URL(o).hostname));
    const items = [
      ...site.cookies.map((c) => ({ ...c, what: 'cookie' as const, key: c.name, source: c.setter.source })),
      ...site.storage.map((s) => ({ ...s, what: 'storage' as const, key: s.name, source: s.setter.source })),
      ...site.requests
        .filter((r) => !tool.has(r.host))
        .map((r) => ({
          ...r,
          what: 'request' as const,
          name: r.url,
          key: siteOf(`http://${r.host}/`),
          source: r.initiator,
        })),
    ];
    for (const item of items) {
      const found: { category: Category; service: ServiceDeclaration; cookie?: CookieDeclaration } | undefined =
        item.what === 'request' ? byHost(item.host) : byName(item.name);
      const seen = { site: site.site, pass: item.pass, page: item.page, source: item.source };
      if (!found) {
        const entry = undeclared.add(`${site.site} ${item.what} ${item.key}`, seen, () => ({
          what: item.what,
          name: item.key,
          withoutConsent: false,
        }));
        entry.withoutConsent ||= withoutConsent(item.pass);
        continue;
      }
      const { category, service, cookie } = found;
      if (cookie) seenNames.add(`${service.id} ${cookie.name}`);
      if (category !== 'necessary' && !grantedIn(item.pass).has(category))
        breaches.add(`${site.site} ${item.what} ${item.name} ${service.id}`, seen, () => ({
          what: item.what,
          name: item.name,
          service: service.name,
          category,
        }));
      if (item.what === 'cookie' && cookie) {
        const declared = cookie.lifetime;
        const days = (item as { days: number | null }).days;
        // A day's grace: the browser counts from the second it was set, the declaration in whole days.
        if (days !== null && (declared === 'session' || days > lifetimeDays(declared) + 1)) {
          const entry = lifetimes.add(`${site.site} ${item.name}`, seen, () => ({
            name: item.name,
            service: service.name,
            declared,
            days,
          }));
          entry.days = Math.max(entry.days, days);
        }
      }
    }
    for (const visit of site.visits)
      if (visit.pass === 'before' && !visit.widget) withoutWidget.push({ site: site.site, page: visit.url });
  }

  const neverSeen = declaration.categories.flatMap((category) =>
    category.services.flatMap((service) =>
      service.cookies
        .filter((c) => !seenNames.has(`${service.id} ${c.name}`))
        .map((c) => ({ name: c.name, service: service.name, category: category.id })),
    ),
  );
  // Those seen without consent first, as the report and the inbox show them (the sort keeps the order otherwise).
  const found = undeclared.all().sort((a, b) => Number(b.withoutConsent) - Number(a.withoutConsent));
  return {
    breaches: breaches.all(),
    undeclared: found,
    lifetimes: lifetimes.all(),
    neverSeen,
    withoutWidget,
    proposals: propose(found, scan),
  };
}

/** Findings gathered by what they are about, each with its passes, a few pages and its sources. */
class Grouped<T extends Sightings> {
  private readonly map = new Map<string, T>();
  add(
    key: string,
    seen: { site: string; pass: string; page: string; source?: string | undefined },
    make: () => Omit<T, keyof Sightings>,
  ): T {
    let entry = this.map.get(key);
    if (!entry) {
      entry = { ...make(), site: seen.site, passes: [], pages: [], sources: [] } as unknown as T;
      this.map.set(key, entry);
    }
    if (!entry.passes.includes(seen.pass)) entry.passes.push(seen.pass);
    if (entry.pages.length < MAX_PAGES && !entry.pages.includes(seen.page)) entry.pages.push(seen.page);
    if (seen.source && entry.sources.length < MAX_PAGES && !entry.sources.includes(seen.source))
      entry.sources.push(seen.source);
    return entry;
  }
  all(): T[] {
    return [...this.map.values()];
  }
}

/**
 * Declaration entries for what no declared service explains: one service per third party (its cookies with it when a
 * script of that party set them), one per cookie or storage entry otherwise. The category comes from the passes: seen
 * only with one category accepted (and with all), that category.
 */
function propose(found: Undeclared[], scan: ScanResult): Proposal[] {
  const lifetimeOf = (site: string, name: string): Lifetime => {
    const days = scan.sites
      .filter((s) => s.site === site)
      .flatMap((s) => s.cookies.filter((c) => c.name === name).map((c) => c.days));
    const longest =
      days.some((d) => d === null) && days.every((d) => d === null) ? null : Math.max(...days.map((d) => d ?? 0));
    if (longest === null || days.length === 0) return 'session';
    const months = Math.round(longest / 30.4);
    return months >= 1 ? { months: Math.min(months, 25) } : { days: Math.max(1, Math.ceil(longest)) };
  };
  const proposals = new Map<string, Proposal>();
  for (const item of found) {
    const owner =
      item.what === 'request'
        ? item.name
        : (item.sources.map((s) => siteOf(s)).find((s) => s !== item.site) ?? `${item.site} ${item.name}`);
    const { category, reason } = categoryFrom(item.passes);
    let proposal = proposals.get(owner);
    if (!proposal) {
      const label = owner.includes(' ') ? item.name : owner;
      proposal = {
        category,
        reason,
        service: {
          id:
            label
              .toLowerCase()
              .replace(/[^a-z]/g, '')
              .slice(0, 20) || 'service',
          name: label,
          provider: owner.includes(' ') ? '?' : owner,
          hosts: owner.includes(' ') ? [] : [owner],
        },
        cookies: [],
      };
      proposals.set(owner, proposal);
    } else if (proposal.category !== category) {
      proposal.category = null;
      proposal.reason = 'several';
    }
    if (item.what !== 'request' && !proposal.cookies.some((c) => c.name === item.name))
      proposal.cookies.push({
        name: item.name,
        lifetime: item.what === 'cookie' ? lifetimeOf(item.site, item.name) : 'session',
      });
  }
  return [...proposals.values()];
}

function categoryFrom(passes: string[]): Pick<Proposal, 'category' | 'reason'> {
  if (passes.some(withoutConsent)) return { category: 'necessary', reason: 'without-consent' };
  const categories = [...new Set(passes.filter((p) => p.startsWith('accepted:')).map((p) => p.slice(9)))];
  if (categories.length === 1) return { category: categories[0] as Optional, reason: 'only-with-category' };
  if (categories.length === 0) return { category: null, reason: 'only-with-all' };
  return { category: null, reason: 'several' };
}
