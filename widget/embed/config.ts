// The embedding page's settings: `data-*` attributes on the script tag over the defaults built with the portal.
import { DEFAULT_MAX_AGE_DAYS } from '../core/renewal.ts';
import { type Lang, own } from '../core/categories.ts';
import type { Digest } from '../declaration/index.ts';

/** Built into the bundle from the portal's content (see widget/build.ts). */
export interface Defaults {
  policy: string;
  renewSince?: string | undefined;
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
  /**
   * The page's own links to the policy and its comparison, checked; the view, which alone shows them, has the
   * portal's built in for its language (`__CONSENT_LINKS__`, widget/build.ts).
   */
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
  // A link may go anywhere on the web; a receipt over plain http only to this page's origin or a local test server.
  return (
    url?.protocol === 'https:' ||
    (url?.protocol === 'http:' && (!post || url.origin === URL.parse(page)?.origin || LOCAL.test(url.hostname)))
  );
}

/**
 * The widget's settings, checked one by one. `data` holds the script tag's own attributes by name without `data-`
 * (settingsOf); a setting absent there is its default, whatever a page's script may have planted on Object.prototype.
 * A setting given but wrong is named among the problems, and its default kept.
 */
export function readConfig(
  data: Readonly<Record<string, string | undefined>>,
  pageLang: string | null,
  defaults: Defaults,
  hostname: string,
  page = `https://${hostname}/`,
): EmbedConfig {
  const problems: string[] = [];
  const checked = (name: string, valid: (value: string) => unknown) => {
    const value = own(data, name);
    if (!value || valid(value)) return value || undefined;
    problems.push(`data-${name}`);
    return undefined;
  };
  const version = (value: string) => VERSION.test(value);
  const link = (value: string) => webAddress(value, page);
  const maxAge = checked('max-age-days', (value) => /^\d+$/.test(value) && +value >= 1 && +value <= 395);
  return {
    lang: widgetLang(own(data, 'lang') ?? pageLang),
    policy: checked('policy', version) ?? defaults.policy,
    renewSince: checked('renew-since', version) ?? defaults.renewSince,
    domain: checked('cookie-domain', (value) => validDomain(value, hostname)),
    endpoint: checked('endpoint', (value) => webAddress(value, page, true)),
    consentMode: !!checked('consent-mode', (value) => value === 'google'),
    maxAgeDays: maxAge ? +maxAge : DEFAULT_MAX_AGE_DAYS,
    links: { policy: checked('policy-url', link), compare: checked('compare-url', link) },
    reopenButton: own(data, 'reopen-button') !== undefined,
    problems,
  };
}

/** The widget's settings, as `data-*` names: a module script carrying one of them is the widget's. */
const SETTINGS = [
  'lang',
  'cookie-domain',
  'endpoint',
  'consent-mode',
  'max-age-days',
  'policy',
  'renew-since',
  'policy-url',
  'compare-url',
  'reopen-button',
];

/**
 * The tag's own `data-*` attributes, read one by one into a table with no prototype: nothing a page planted on
 * Object.prototype, nor any member a library added to DOMStringMap, can pass for a setting.
 */
export function settingsOf(tag: Pick<Element, 'getAttribute'> | null | undefined): Record<string, string | undefined> {
  const settings: Record<string, string | undefined> = Object.create(null);
  for (const name of SETTINGS) {
    const value = tag?.getAttribute(`data-${name}`);
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
export function ownTag<T extends Pick<Element, 'hasAttribute' | 'getAttributeNames'> & { src: string; type: string }>(
  tags: readonly T[],
  moduleUrl: string,
): T | undefined {
  return (
    tags.find((s) => s.hasAttribute('data-citim-consent')) ??
    tags.find((s) => s.src === moduleUrl) ??
    tags.find((s) => URL.parse(s.src)?.pathname.endsWith('/consent.js')) ??
    tags.find((s) => s.type === 'module' && s.getAttributeNames().some((name) => SETTINGS.includes(name.slice(5))))
  );
}
