// What changed from one revision of the cookie declaration to the next, item by item (a service added, a cookie's
// lifetime lengthened): the comparison each revision's page shows, in the reader's language.
import type { Lang } from '../core/categories.ts';
import { type Declaration, type Lifetime, lifetimeWords } from './schema.ts';

type Service = Declaration['categories'][number]['services'][number];

export type Change =
  | { kind: 'service-added' | 'service-removed'; category: string; service: string }
  | { kind: 'service-moved'; service: string; from: string; to: string }
  | { kind: 'purpose' | 'provider' | 'hosts'; service: string }
  | { kind: 'cookie-added' | 'cookie-removed'; service: string; cookie: string }
  | { kind: 'lifetime'; service: string; cookie: string; from: string; to: string }
  | { kind: 'party'; service: string; cookie: string }
  | { kind: 'category-text'; category: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const lifetimeText = (l: Lifetime, lang: Lang) => lifetimeWords(l, lang);

/** Every change from `before` to `after`, in the later revision's order, named in `lang`. */
export function changesBetween(before: Declaration, after: Declaration, lang: Lang): Change[] {
  const title = (d: Declaration, id: string) => d.categories.find((c) => c.id === id)?.title[lang] ?? id;
  const where = (d: Declaration) =>
    new Map(d.categories.flatMap((c) => c.services.map((s) => [s.id, { category: c.id, service: s }] as const)));
  const old = where(before);
  const now = where(after);
  const changes: Change[] = [];
  for (const category of after.categories) {
    const was = before.categories.find((c) => c.id === category.id);
    if (was && (!same(was.title, category.title) || !same(was.description, category.description)))
      changes.push({ kind: 'category-text', category: category.title[lang] });
  }
  for (const [id, { category, service }] of now) {
    const previous = old.get(id);
    if (!previous) {
      changes.push({ kind: 'service-added', category: title(after, category), service: service.name });
      continue;
    }
    if (previous.category !== category)
      changes.push({
        kind: 'service-moved',
        service: service.name,
        from: title(before, previous.category),
        to: title(after, category),
      });
    changes.push(...serviceChanges(previous.service, service, lang));
  }
  for (const [id, { category, service }] of old)
    if (!now.has(id))
      changes.push({ kind: 'service-removed', category: title(before, category), service: service.name });
  return changes;
}

function serviceChanges(before: Service, after: Service, lang: Lang): Change[] {
  const service = after.name;
  const changes: Change[] = [];
  if (!same(before.purpose, after.purpose)) changes.push({ kind: 'purpose', service });
  if (before.provider !== after.provider) changes.push({ kind: 'provider', service });
  if (!same([...before.hosts].sort(), [...after.hosts].sort())) changes.push({ kind: 'hosts', service });
  for (const cookie of after.cookies) {
    const was = before.cookies.find((c) => c.name === cookie.name);
    if (!was) changes.push({ kind: 'cookie-added', service, cookie: cookie.name });
    else {
      if (!same(was.lifetime, cookie.lifetime))
        changes.push({
          kind: 'lifetime',
          service,
          cookie: cookie.name,
          from: lifetimeText(was.lifetime, lang),
          to: lifetimeText(cookie.lifetime, lang),
        });
      if (was.party !== cookie.party) changes.push({ kind: 'party', service, cookie: cookie.name });
    }
  }
  for (const cookie of before.cookies)
    if (!after.cookies.some((c) => c.name === cookie.name))
      changes.push({ kind: 'cookie-removed', service, cookie: cookie.name });
  return changes;
}
