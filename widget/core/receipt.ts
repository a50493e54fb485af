// Proof of consent: what a decision was, in a form the person can keep and the organisation can file.
// Pseudonymous: the random decision id, never an identifier of the person or their device.
// Its shape is the function's schema (shared/consent-receipt.ts), imported as a type so no validator ships here.
import type { Receipt } from '../../shared/consent-receipt.ts';
import type { Lang } from './categories.ts';
import type { ConsentRecord } from './record.ts';

export type { Receipt } from '../../shared/consent-receipt.ts';

export function receiptOf(record: ConsentRecord, context: { site: string; lang: Lang }): Receipt {
  return {
    type: 'consent-receipt',
    version: 1,
    id: record.id,
    decidedAt: new Date(record.updated).toISOString(),
    firstDecidedAt: new Date(record.created).toISOString(),
    site: context.site,
    lang: context.lang,
    policyVersion: record.policy,
    declarationRevision: record.revision,
    method: record.method,
    gpc: record.gpc,
    services: { ...record.services },
    // Nothing imported at run time: this file travels in the view's chunk, which takes no code from consent.js.
    choices: { necessary: true, ...record.choices },
  };
}

export const receiptFileName = (r: Receipt) => `consent-${r.decidedAt.slice(0, 10)}-${r.id}.json`;

/** Files the receipt with the organisation's endpoint. Never throws: a lost receipt must not break the page. */
export async function sendReceipt(endpoint: string, receipt: Receipt, send: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await send(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(receipt),
      credentials: 'omit',
      keepalive: true,
    });
    return response.ok;
  } catch {
    return false;
  }
}
