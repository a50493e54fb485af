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

export function removeEverywhere(name: string, hostname: string, configured?: string): void {
  for (const domain of domainsFor(hostname, configured)) Cookies.remove(name, domain ? { path: '/', domain } : { path: '/' });
}

export function writeConsent(record: ConsentRecord, options: { maxAgeDays: number; domain?: string | undefined; secure: boolean }): void {
  Cookies.set(CONSENT_COOKIE, encodeRecord(record), {
    expires: options.maxAgeDays,
    path: '/',
    sameSite: 'Lax',
    secure: options.secure,
    ...(options.domain ? { domain: options.domain } : {}),
  });
}

/** Names of the cookies the page can see. */
export const cookieNames = (header: string) =>
  header
    .split(';')
    .map((p) => p.split('=')[0]!.trim())
    .filter(Boolean);
