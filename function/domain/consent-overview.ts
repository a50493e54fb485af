// The consent overview the officer sees: decisions per week and the share of each category accepted, from the
// receipts the widget filed. Counts only: nothing about any person or decision survives the sums.
import { OPTIONAL } from '../../shared/consent.ts';

export interface ConsentOverview {
  total: number;
  /** Monday (YYYY-MM-DD, UTC) of each week with at least one decision, oldest first. */
  weeks: { week: string; decisions: number }[];
  /** Per optional category: how many decisions allowed it. */
  categories: { id: (typeof OPTIONAL)[number]; accepted: number }[];
}

const mondayOf = (iso: string) => {
  const day = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
};

/** What a receipt counts for: the week of its decision (Monday) and the optional categories it accepted. */
export function receiptFacts(receipt: string): { decidedAt: string; week: string; accepted: string[] } {
  const { decidedAt, choices } = JSON.parse(receipt) as { decidedAt: string; choices: Record<string, unknown> };
  return { decidedAt, week: mondayOf(decidedAt), accepted: OPTIONAL.filter((id) => choices[id] === true) };
}

/** The overview from the counters the store keeps (`consentWeeks`): a few rows a week, whatever the volume. */
export function overviewFrom(rows: readonly { week: string; category: string; n: number }[]): ConsentOverview {
  const decisions = rows.filter((r) => r.category === '');
  const accepted = (id: string) => rows.filter((r) => r.category === id).reduce((sum, r) => sum + r.n, 0);
  return {
    total: decisions.reduce((sum, r) => sum + r.n, 0),
    weeks: decisions.map(({ week, n }) => ({ week, decisions: n })),
    categories: OPTIONAL.map((id) => ({ id, accepted: accepted(id) })),
  };
}

/** The overview counted from receipts themselves: the reference the counters are tested against. */
export function consentOverview(receipts: readonly string[]): ConsentOverview {
  const weeks = new Map<string, number>();
  const accepted = Object.fromEntries(OPTIONAL.map((id) => [id, 0])) as Record<(typeof OPTIONAL)[number], number>;
  let total = 0;
  for (const text of receipts) {
    let receipt: { decidedAt?: unknown; choices?: Record<string, unknown> };
    try {
      receipt = JSON.parse(text);
    } catch {
      continue;
    }
    if (typeof receipt.decidedAt !== 'string') continue;
    total++;
    const week = mondayOf(receipt.decidedAt);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
    for (const id of OPTIONAL) if (receipt.choices?.[id] === true) accepted[id]++;
  }
  return {
    total,
    weeks: [...weeks].sort(([a], [b]) => a.localeCompare(b)).map(([week, decisions]) => ({ week, decisions })),
    categories: OPTIONAL.map((id) => ({ id, accepted: accepted[id] })),
  };
}
