// What a scan saw, as plain records: the wire format between the crawl (scan.ts), the comparison with the declaration
// (compare.ts) and the report's JSON. No browser types here.
import { OPTIONAL, type Optional } from '../shared/consent.ts';

/**
 * The state a site was seen in: `before` any choice, after `refused` (all refused), with one category `accepted`
 * alone, or with `all` accepted.
 */
export type Pass =
  | { kind: 'before' }
  | { kind: 'refused' }
  | { kind: 'accepted'; category: Optional }
  | { kind: 'all' };

/** Every pass, in order: the first one finds the pages, the others visit the same ones. */
export const PASSES: Pass[] = [
  { kind: 'before' },
  { kind: 'refused' },
  ...OPTIONAL.map((category) => ({ kind: 'accepted', category }) as const),
  { kind: 'all' },
];

export const passName = (pass: Pass): string => (pass.kind === 'accepted' ? `accepted:${pass.category}` : pass.kind);

/** Who wrote a cookie or a storage entry: a response's header, a script (and its address), or nobody the scan saw. */
export interface Setter {
  by: 'header' | 'script' | 'unknown';
  /** The responding address for a header, the script's address for a script (the page's own for an inline one). */
  source?: string;
}

export interface CookieSeen {
  pass: string;
  page: string;
  name: string;
  domain: string;
  path: string;
  /** Days it is set to last; `null` for a session cookie. */
  days: number | null;
  setter: Setter;
}

export interface StorageSeen {
  pass: string;
  page: string;
  area: 'local' | 'session' | 'indexeddb';
  /** The key (local, session) or the database's name. */
  name: string;
  /** The origin of the frame it was written in. */
  origin: string;
  setter: Setter;
}

export interface RequestSeen {
  pass: string;
  page: string;
  /** Origin and path, without the query (which may carry identifiers, and makes every request look new). */
  url: string;
  host: string;
  /** What the browser fetched it as: script, image, sub_frame (an iframe), xhr, fetch, ping… */
  type: string;
  /** Who asked for it: a script's address, or the page whose markup names it (unknown in another site's frame). */
  initiator?: string;
}

export interface PageSeen {
  pass: string;
  url: string;
  /** Whether the consent widget ran on it (`window.citimConsent`). */
  widget: boolean;
  /** The HTTP status, or the reason it could not be read. */
  status: number | string;
}

/** One site's scan. */
export interface SiteScan {
  /** The address the scan started from. */
  start: string;
  /** Its registrable domain: what "another site" is measured against. */
  site: string;
  /** Origins the widget was loaded from: the consent tool itself, never a third party to report. */
  widgetOrigins: string[];
  /** Pages found and visited, in order (the same list for every pass). */
  pages: string[];
  /**
   * Addresses the crawl left out, and why: robots.txt, the page or time budget, not a page (a file, an error), or a
   * link that led to another site.
   */
  skipped: { url: string; reason: 'robots' | 'pages' | 'time' | 'error' | 'elsewhere' }[];
  visits: PageSeen[];
  cookies: CookieSeen[];
  storage: StorageSeen[];
  requests: RequestSeen[];
  /** Passes that could not be made (no widget to decide with), and why. */
  notes: string[];
}

export interface ScanResult {
  /** When the scan started, ISO 8601. */
  startedAt: string;
  finishedAt: string;
  /** The declaration's revision the scan compared with. */
  revision: number;
  sites: SiteScan[];
}
