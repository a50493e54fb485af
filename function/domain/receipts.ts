// How long a consent receipt is kept, and the rule that deletes it. A receipt proves a decision: it is needed while
// the decision may stand (a choice lasts at most 395 days, the widget's longest `max-age-days`) and while someone may
// still dispute what was decided then; after that its purpose is served and the Act requires it be destroyed
// (CQLR c. P-39.1, s. 23). The dispute period defaults to 3 years, the prescription of an action to enforce a
// personal right (Civil Code of Québec, art. 2925); RECEIPT_DISPUTE_YEARS sets another (1 to 10). The weekly counts
// the officer's overview shows are kept as counts.
import type { ReceiptStore } from '../store/contract.ts';

/** The longest a decision stands, in days (the widget refuses a longer `max-age-days`). */
export const DECISION_MAX_DAYS = 395;
export const DEFAULT_DISPUTE_YEARS = 3;

/** Receipts of decisions made before this moment are past their purpose at `now`. */
export function receiptCutoff(now: Date, disputeYears: number): string {
  const cut = new Date(now.getTime() - DECISION_MAX_DAYS * 86_400_000);
  cut.setUTCFullYear(cut.getUTCFullYear() - disputeYears);
  return cut.toISOString();
}

/** Deletes what the rule says is past its purpose, with one audit entry giving the count; how many. */
export async function applyReceiptRetention(store: ReceiptStore, now: Date, disputeYears = DEFAULT_DISPUTE_YEARS) {
  if (!Number.isInteger(disputeYears) || disputeYears < 1 || disputeYears > 10)
    throw new RangeError('the dispute period is 1 to 10 years');
  return store.purgeReceipts(receiptCutoff(now, disputeYears), {
    at: now.toISOString(),
    reference: null,
    action: 'receipts:retention',
    operator: 'retention',
  });
}
