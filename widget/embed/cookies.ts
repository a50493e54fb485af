// Writing and deleting cookies in the page, through js-cookie.
import Cookies from 'js-cookie';
import { encodeRecord, type ConsentRecord } from '../core/record.ts';

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

export function removeEverywhere(name: string, hostname: string, configured?: string, pathname = '/'): void {
  for (const domain of domainsFor(hostname, configured))
    for (const path of pathsFor(pathname)) Cookies.remove(name, domain ? { path, domain } : { path });
}

export function writeConsent(
  record: ConsentRecord,
  options: { maxAgeDays: number; domain?: string | undefined; secure: boolean },
): void {
  Cookies.set(CONSENT_COOKIE, encodeRecord(record), {
    expires: options.maxAgeDays,
    path: '/',
    sameSite: 'Lax',
    secure: options.secure,
    ...(options.domain ? { domain: options.domain } : {}),
  });
}
