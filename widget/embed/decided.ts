// The receipt of a decision, filed with the organisation's endpoint when the page names one. Part of the view's chunk,
// which every decision made in the widget has already loaded; a script's decision (window.citimConsent) loads it then.
import { receiptOf, sendReceipt } from '../core/receipt.ts';
import type { ConsentRecord } from '../core/record.ts';
import type { EmbedConfig } from './config.ts';

export function fileReceipt(record: ConsentRecord, config: Pick<EmbedConfig, 'endpoint' | 'lang'>, site: string): void {
  // With keepalive: it survives a reload that may follow.
  if (config.endpoint) void sendReceipt(config.endpoint, receiptOf(record, { site, lang: config.lang }));
}
