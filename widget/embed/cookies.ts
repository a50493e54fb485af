// Writing and deleting cookies in the page, with a fixed list of attributes (docs/contributing.md, decisions: why not js-cookie).
import { own } from '../core/categories.ts';
import { encodeRecord, type ConsentRecord } from '../core/record.ts';

interface Attributes {
  path: string;
  domain?: string | undefined;
  /** Days from now; negative deletes. */
  days?: number;
  sameSite?: 'Lax';
  secure?: boolean;
}

/**
 * One `document.cookie` line. js-cookie's `set` and `remove` walk their attributes with `for…in`, which also walks
 * whatever a page's libraries made enumerable on Object.prototype: a planted `domain` sent the decision to a domain the
 * browser refuses, and a planted function threw inside the loop, so the decision was lost. Here the attributes are a
 * fixed list, each read as the table's own. The values written are the widget's own (letters, digits, `.` and `-`),
 * URI-encoded all the same.
 */
export function cookieLine(name: string, value: string, attributes: Attributes, now = Date.now()): string {
  // Each read through `own`: an attribute left out must not be found on the prototype either.
  const a = attributes as unknown as Record<string, unknown>;
  const [domain, days, sameSite] = [own(a, 'domain'), own(a, 'days'), own(a, 'sameSite')];
  let line = `${name}=${encodeURIComponent(value)}; path=${attributes.path}`;
  if (typeof domain === 'string' && domain) line += `; domain=${domain}`;
  if (typeof days === 'number') line += `; expires=${new Date(now + days * 864e5).toUTCString()}`;
  if (sameSite === 'Lax') line += '; samesite=Lax';
  if (own(a, 'secure') === true) line += '; secure';
  return line;
}

export const CONSENT_COOKIE = 'citim_consent';

/** Where a cookie may have been set: the host alone, the configured domain, and each parent domain of the host. */
export function domainsFor(hostname: string, configured?: string): (string | undefined)[] {
  const domains = new Set<string | undefined>([undefined, configured]);
  if (!/^[\d.]+$|^\[|^localhost$/.test(hostname)) {
    const labels = hostname.split('.');
    for (let i = 0; i < labels.length - 1; i++) domains.add(labels.slice(i).join('.'));
  }
  return [...domains];
}

/**
 * Paths a cookie may have been set on: `/` and each ancestor of the page's path, with and without its final slash. A
 * script on /blog/post that sets a cookie without `path` sets it on /blog; deleting on `/` alone would leave it.
 */
export function pathsFor(pathname: string): string[] {
  const paths = new Set(['/']);
  let prefix = '';
  for (const segment of pathname.split('/').slice(1)) {
    if (!segment) continue;
    prefix += `/${segment}`;
    paths.add(prefix).add(`${prefix}/`);
  }
  if (!pathname.endsWith('/')) paths.delete(`${prefix}/`);
  return [...paths];
}

// biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox and Safari before 18.4.
const setCookie = (line: string) => (document.cookie = line);

export function removeEverywhere(name: string, hostname: string, configured?: string, pathname = '/'): void {
  for (const domain of domainsFor(hostname, configured))
    for (const path of pathsFor(pathname)) setCookie(cookieLine(name, '', { path, domain, days: -1 }));
}

export function writeConsent(
  record: ConsentRecord,
  options: { maxAgeDays: number; domain?: string | undefined; secure: boolean },
): void {
  const domain = own(options as Record<string, unknown>, 'domain');
  setCookie(
    cookieLine(CONSENT_COOKIE, encodeRecord(record), {
      path: '/',
      domain: typeof domain === 'string' ? domain : undefined,
      days: options.maxAgeDays,
      sameSite: 'Lax',
      secure: options.secure,
    }),
  );
}
