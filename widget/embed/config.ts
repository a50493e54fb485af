// The embedding page's settings: `data-*` attributes on the script tag over the defaults built with the portal.
import { DEFAULT_MAX_AGE_DAYS } from '../core/renewal.ts';
import type { Lang } from '../core/categories.ts';
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

export function readConfig(
  data: Record<string, string | undefined>,
  pageLang: string | null,
  defaults: Defaults,
  hostname: string,
): EmbedConfig {
  const problems: string[] = [];
  const lang = widgetLang(data['lang'] ?? pageLang);
  let maxAgeDays = DEFAULT_MAX_AGE_DAYS;
  if (data['maxAgeDays'] !== undefined) {
    const n = Number(data['maxAgeDays']);
    if (Number.isInteger(n) && n >= 1 && n <= 395) maxAgeDays = n;
    else problems.push(`data-max-age-days: not 1–395 days`);
  }
  let domain = data['cookieDomain'];
  if (domain && !validDomain(domain, hostname)) {
    problems.push(`data-cookie-domain: not a parent of ${hostname}`);
    domain = undefined;
  }
  let endpoint = data['endpoint'];
  if (endpoint && !/^(https:\/\/|\/|http:\/\/(localhost|127\.0\.0\.1)[:/])/.test(endpoint)) {
    problems.push('data-endpoint: not https');
    endpoint = undefined;
  }
  const policy = data['policy'] && VERSION.test(data['policy']) ? data['policy'] : defaults.policy;
  const renewSince = data['renewSince'] && VERSION.test(data['renewSince']) ? data['renewSince'] : defaults.renewSince;
  return {
    lang,
    policy,
    renewSince,
    domain,
    endpoint,
    consentMode: data['consentMode'] === 'google',
    maxAgeDays,
    links: {
      policy: data['policyUrl'] ?? defaults.links[lang].policy,
      compare: data['compareUrl'] ?? defaults.links[lang].compare,
    },
    problems,
  };
}

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
];

/**
 * The script tag that loaded the widget, for its settings. A module has no currentScript, and a redirect (an alias
 * address) or a version query makes its address differ from the tag's: the tag marked `data-citim-consent`, else one
 * whose address is the module's, else any whose path ends in /consent.js, else a module script carrying one of the
 * widget's settings.
 */
export function ownTag<T extends { src: string; type: string; dataset: DOMStringMap }>(
  tags: readonly T[],
  moduleUrl: string,
): T | undefined {
  return (
    tags.find((s) => 'citimConsent' in s.dataset) ??
    tags.find((s) => s.src === moduleUrl) ??
    tags.find((s) => URL.parse(s.src)?.pathname.endsWith('/consent.js')) ??
    tags.find((s) => s.type === 'module' && Object.keys(s.dataset).some((key) => SETTINGS.includes(key)))
  );
}
