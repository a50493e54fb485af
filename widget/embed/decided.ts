// What follows a decision, in a chunk of its own loaded with a page's first one: its receipt, filed with the
// organisation's endpoint when the page names one, and the deletion of the cookies the refused services declare.
// Neither a page whose visitor's choice stands nor a first visit's banner carries it, and a script's decision
// (window.citimConsent) loads it without the view. The dialog loads it too, for the person's copy of the receipt. It
// imports nothing at run time that consent.js has (consent.js exports nothing, see widget/build.ts): what it
// needs of that is handed over.
import type { Category, CookieDigest } from '../core/categories.ts';
import { receiptOf, sendReceipt } from '../core/receipt.ts';
import type { ConsentRecord } from '../core/record.ts';
import { cookieNames, cookiesOf } from '../core/withdrawal.ts';
import type { EmbedConfig } from './config.ts';

export { receiptFileName, receiptOf } from '../core/receipt.ts';

/** Built into this chunk: each service's first-party cookies (widget/build.ts). */
declare const __CONSENT_COOKIES__: CookieDigest;

export function fileReceipt(record: ConsentRecord, config: Pick<EmbedConfig, 'endpoint' | 'lang'>, site: string): void {
  // With keepalive: it survives a reload that may follow.
  if (config.endpoint) void sendReceipt(config.endpoint, receiptOf(record, { site, lang: config.lang }));
}

/**
 * Every service not allowed loses its declared cookies, whatever was allowed before: after a renewal the pending
 * state is "nothing", yet cookies of the earlier "yes" are still there.
 */
export function deleteRefused(
  refused: (category: Category, service: string) => boolean,
  remove: (name: string) => void,
  declaration: CookieDigest = __CONSENT_COOKIES__,
): void {
  for (const name of cookiesOf(declaration, refused, cookieNames(document.cookie))) remove(name);
}
