// The calendar day in the organisation's time zone: what the site is built for and what the server compares with the
// days documents change (a version published, or taking effect, at midnight there).

/** The calendar day at `now` in `timeZone`, as YYYY-MM-DD: effective dates are read in the organisation's time zone. */
export function dayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * What `schedule.json` says of a build: the day it was made for, in which time zone, and the later days on which a
 * document changes (a version published or taking effect), soonest first.
 */
export interface BuildSchedule {
  builtFor: string;
  timeZone: string;
  changes: string[];
}

/** The day of a change this build does not show yet, if one has come by `today`: the build is then out of date. */
export const changeDue = (schedule: BuildSchedule, today: string): string | undefined =>
  schedule.changes.find((day) => day > schedule.builtFor && day <= today);
