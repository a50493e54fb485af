// A page of a build made before a document changed says so (static hosts that did not rebuild on the day): the
// build's schedule is in the notice's attributes, and today is read in the organisation's time zone.
import { changeDue, dayIn } from '../../shared/day.ts';

const notice = document.querySelector<HTMLElement>('[data-stale]');
if (notice) {
  const { builtFor = '', changes = '', timeZone = 'America/Toronto' } = notice.dataset;
  const schedule = { builtFor, timeZone, changes: changes.split(' ').filter(Boolean) };
  if (changeDue(schedule, dayIn(timeZone))) notice.hidden = false;
}
