// What a decision does beyond the consent cookie: the services it refuses lose their cookies, and its receipt is
// filed. Part of the view's chunk, which every decision made in the widget has already loaded; a script's decision
// (window.citimConsent) loads it then. So a page whose visitor's choice stands never downloads it. It imports nothing
// at run time that consent.js has: what it needs of that is handed over (consent.js exports nothing, see
// widget/vite.config.ts).
import type { Category } from '../core/categories.ts';
import { receiptOf, sendReceipt } from '../core/receipt.ts';
import type { ConsentRecord } from '../core/record.ts';
import { cookieNames, cookiesOf } from '../core/withdrawal.ts';
import type { ViewDigest } from '../declaration.ts';
import type { EmbedConfig } from './config.ts';

export interface Page {
  /** The declaration's cookies, as the view's chunk holds them. */
  declaration: ViewDigest;
  config: EmbedConfig;
  host: string;
  /** What the decision refuses (core/categories.ts `refusedBy`). */
  refused: (category: Category, service?: string) => boolean;
  /** Deletes a cookie on every domain and path it may have (embed/cookies.ts `removeEverywhere`). */
  remove: (name: string) => void;
}

export function afterDecision(record: ConsentRecord, page: Page): void {
  // Every service not allowed loses its declared cookies, whatever was allowed before: after a renewal the pending
  // state is "nothing", yet cookies of the earlier "yes" are still there.
  for (const name of cookiesOf(page.declaration, page.refused, cookieNames(document.cookie))) page.remove(name);
  const { endpoint, lang } = page.config;
  // With keepalive: it survives a reload that may follow.
  if (endpoint) void sendReceipt(endpoint, receiptOf(record, { site: page.host, lang }));
}
