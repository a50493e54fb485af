// The legal clock of a request as the inbox shows it: calendar days in Montreal until the answer is due (art. 32).
export type Clock = { kind: 'closed' } | { kind: 'overdue' | 'today' | 'soon' | 'left'; days: number };

const DAY = 86_400_000;
/** The calendar day (Montreal) of an instant, as a day number, so a request due tonight is due "today". */
const dayNumber = (instant: Date, timeZone: string) =>
  Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant)) / DAY;

/** Due within this many days: flagged in words and colour. */
export const SOON_DAYS = 7;

export function clockOf(dueAt: string, closedAt: string | null, now: Date, timeZone = 'America/Toronto'): Clock {
  if (closedAt) return { kind: 'closed' };
  const days = dayNumber(new Date(dueAt), timeZone) - dayNumber(now, timeZone);
  if (days < 0) return { kind: 'overdue', days: -days };
  if (days === 0) return { kind: 'today', days: 0 };
  return { kind: days <= SOON_DAYS ? 'soon' : 'left', days };
}
