// What a site is to the scanner: its registrable domain (the Public Suffix List's, through tldts), which pages a crawl
// may follow, and which declared service a host or a cookie name belongs to.
import { getDomain } from 'tldts';

/** The site of an address: its registrable domain (`www.citim.org` → `citim.org`), or its host where it has none. */
export const siteOf = (url: string | URL): string => {
  const { hostname } = new URL(url);
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
};

/**
 * Whether a crawl that started at `start` may follow `link`: the same scheme, site and port (other subdomains of the
 * site included, another site never), and a page rather than a file to download.
 */
export const inScope = (start: URL, link: URL): boolean =>
  link.protocol === start.protocol &&
  link.port === start.port &&
  siteOf(link) === siteOf(start) &&
  !/\.(?:pdf|zip|docx?|xlsx?|pptx?|jpe?g|png|gif|webp|svg|mp4|mp3|ics|xml|json|txt)$/i.test(link.pathname);

/** A page's address as the crawl knows it: no fragment, so that `#top` is not another page. */
export const pageAddress = (url: string | URL): string => {
  const address = new URL(url);
  address.hash = '';
  return address.href;
};

/** Whether `host` is `domain` or one of its subdomains. */
export const hostIn = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** Whether a cookie (or storage) name matches a declared name, where `*` stands for any characters. */
export const nameMatches = (name: string, declared: string): boolean =>
  new RegExp(`^${declared.split('*').map(escapeRegExp).join('.*')}$`).test(name);
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
