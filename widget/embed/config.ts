// The embedding page's settings: `data-*` attributes on the script tag over the defaults built with the portal.
import { DEFAULT_MAX_AGE_DAYS } from '../core/renewal.ts';
import { type Lang, own } from '../core/categories.ts';
import type { Digest } from '../declaration.ts';

/** Built into the bundle from the portal's content (see widget/build.ts). */
export interface Defaults {
  policy: string;
  renewSince?: string | undefined;
  links: Record<Lang, { policy: string; compare: string }>;
  /** The declaration's revision and its services' categories (declaration.ts `digest`). */
  declaration: Digest;
}

export interface EmbedConfig {
  lang: Lang;
  policy: string;
  renewSince?: string | undefined;
  /** Parent domain to share the choice across the organisation's sites (`example.org`); host only when absent. */
  domain?: string | undefined;
  /** Where consent receipts are filed; none by default. */
  endpoint?: string | undefined;
  consentMode: boolean;
  maxAgeDays: number;
  links: { policy?: string | undefined; compare?: string | undefined };
  /** A small "cookie preferences" button at the end of the page (`data-reopen-button`), for pages without a link. */
  reopenButton: boolean;
  problems: string[];
}

const VERSION = /^\d+\.\d+$/;

/** The page's language as the widget speaks it: English for `en-*`, French otherwise. */
export const widgetLang = (tag: string | null | undefined): Lang => (tag?.toLowerCase().startsWith('en') ? 'en' : 'fr');

/** A cookie domain the browser will accept here: the host itself or one of its parents, never a bare top-level name. */
export function validDomain(domain: string, hostname: string): boolean {
  const d = domain.replace(/^\./, '').toLowerCase();
  return d.includes('.') && (hostname === d || hostname.endsWith(`.${d}`));
}

const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\])$/;

/**
 * An address the widget may link to or post to: a web address (https, or http on this very origin or on the local
 * machine), never `javascript:`, `data:` or another scheme. Relative addresses are read against the page.
 */
export function webAddress(value: string, page: string, post = false): boolean {
  const url = URL.parse(value, page);
  const here = URL.parse(page);
  if (!url || !here) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  // A link may go anywhere on the web; a receipt over plain http only to this page's origin or a local test server.
  return !post || url.origin === here.origin || LOCAL.test(url.hostname);
}

/**
 * The widget's settings, checked one by one. `data` holds the script tag's own attributes (settingsOf); a setting
 * absent there is its default, whatever a page's script may have planted on Object.prototype.
 */
export function readConfig(
  data: Readonly<Record<string, string | undefined>>,
  pageLang: string | null,
  defaults: Defaults,
  hostname: string,
  page = `https://${hostname}/`,
): EmbedConfig {
  const problems: string[] = [];
  const setting = (name: string) => own(data, name);
  const lang = widgetLang(setting('lang') ?? pageLang);
  let maxAgeDays = DEFAULT_MAX_AGE_DAYS;
  const maxAge = setting('maxAgeDays');
  if (maxAge !== undefined) {
    const n = Number(maxAge);
    if (/^\d+$/.test(maxAge) && n >= 1 && n <= 395) maxAgeDays = n;
    else problems.push(`data-max-age-days: not 1–395 days`);
  }
  let domain = setting('cookieDomain');
  if (domain && !validDomain(domain, hostname)) {
    problems.push(`data-cookie-domain: not a parent of ${hostname}`);
    domain = undefined;
  }
  let endpoint = setting('endpoint');
  if (endpoint && !webAddress(endpoint, page, true)) {
    problems.push('data-endpoint: not https');
    endpoint = undefined;
  }
  const version = (name: string, fallback: string | undefined) => {
    const value = setting(name);
    if (value === undefined) return fallback;
    if (VERSION.test(value)) return value;
    problems.push(`data-${kebab(name)}: not a version like 1.2`);
    return fallback;
  };
  const link = (name: string, fallback: string) => {
    const value = setting(name);
    if (value === undefined) return fallback;
    if (webAddress(value, page)) return value;
    problems.push(`data-${kebab(name)}: not a web address`);
    return fallback;
  };
  const mode = setting('consentMode');
  if (mode !== undefined && mode !== 'google') problems.push('data-consent-mode: only "google" is known');
  return {
    lang,
    policy: version('policy', defaults.policy)!,
    renewSince: version('renewSince', defaults.renewSince),
    domain,
    endpoint,
    consentMode: mode === 'google',
    maxAgeDays,
    links: {
      policy: link('policyUrl', defaults.links[lang].policy),
      compare: link('compareUrl', defaults.links[lang].compare),
    },
    reopenButton: setting('reopenButton') !== undefined,
    problems,
  };
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The widget's settings, as dataset keys: a module script carrying one of them is the widget's. */
const SETTINGS = [
  'lang',
  'cookieDomain',
  'endpoint',
  'consentMode',
  'maxAgeDays',
  'policy',
  'renewSince',
  'policyUrl',
  'compareUrl',
  'reopenButton',
];

/**
 * The tag's own `data-*` attributes, read one by one into a table with no prototype: nothing a page planted on
 * Object.prototype, nor any member a library added to DOMStringMap, can pass for a setting.
 */
export function settingsOf(tag: Pick<Element, 'getAttribute'> | null | undefined): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = Object.create(null);
  for (const name of SETTINGS) {
    const value = tag?.getAttribute(`data-${kebab(name)}`);
    if (typeof value === 'string') settings[name] = value;
  }
  return settings;
}

/**
 * The script tag that loaded the widget, for its settings. A module has no currentScript, and a redirect (an alias
 * address) or a version query makes its address differ from the tag's: the tag marked `data-citim-consent`, else one
 * whose address is the module's, else any whose path ends in /consent.js, else a module script carrying one of the
 * widget's settings.
 */
export function ownTag<T extends Pick<Element, 'hasAttribute'> & { src: string; type: string; dataset: DOMStringMap }>(
  tags: readonly T[],
  moduleUrl: string,
): T | undefined {
  return (
    tags.find((s) => s.hasAttribute('data-citim-consent')) ??
    tags.find((s) => s.src === moduleUrl) ??
    tags.find((s) => URL.parse(s.src)?.pathname.endsWith('/consent.js')) ??
    tags.find((s) => s.type === 'module' && Object.keys(s.dataset).some((key) => SETTINGS.includes(key)))
  );
}
