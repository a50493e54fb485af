// Documents change status on their day with no one acting: the Node entry reads its build's schedule.json, and when a
// day it names has come (midnight in the organisation's time zone), it builds the portal again for that day beside
// the one it serves, then puts the new one in its place. Static hosts rebuild daily instead (docs/administrator.md).
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildSchedule, changeDue, dayIn } from '../../shared/day.ts';
import { buildSite } from './site-build.ts';

export interface Rebuilds {
  /** The build served (dist/). */
  root: string;
  clock: () => Date;
  log: (line: Record<string, unknown>) => void;
  /** After the new build is in place: the server forgets what it read from the old one. */
  onSwap: () => void;
  /** How the portal is built into a folder for a day (tests may give a faster one). */
  build?: (outDir: string, today: string) => Promise<unknown>;
  /** How often the day is looked at, in ms (10 s). */
  everyMs?: number;
}

/** The build's schedule, or null when it has none (an older build, or none at all). */
export function scheduleOf(root: string): BuildSchedule | null {
  const file = join(root, 'schedule.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildSchedule;
  } catch {
    return null;
  }
}

export function scheduleRebuilds({ root, clock, log, onSwap, build, everyMs = 10_000 }: Rebuilds) {
  const make = build ?? ((outDir: string, today: string) => buildSite(outDir, { PORTAL_TODAY: today }));
  let running: Promise<void> | null = null;
  /** After a failed build, the next try waits an hour: a broken content file must not keep the machine busy. */
  let notBefore = 0;
  const rebuild = async (today: string, due: string) => {
    const next = `${root}.next-${Date.now()}`;
    const old = `${root}.old-${Date.now()}`;
    const start = Date.now();
    try {
      await make(next, today);
      renameSync(root, old);
      renameSync(next, root);
      onSwap();
      log({ at: clock().toISOString(), rebuilt: today, change: due, seconds: Math.round((Date.now() - start) / 1000) });
      await rm(old, { recursive: true, force: true });
    } catch (error) {
      notBefore = Date.now() + 3_600_000;
      log({ at: clock().toISOString(), error: 'rebuild', message: (error as Error).message.split('\n')[0] });
      await rm(next, { recursive: true, force: true });
    }
  };
  const tick = () => {
    const schedule = scheduleOf(root);
    if (running || !schedule || Date.now() < notBefore) return;
    const today = dayIn(schedule.timeZone, clock());
    const due = changeDue(schedule, today);
    if (!due) return;
    running = rebuild(today, due).finally(() => {
      running = null;
    });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    /** The rebuild under way, if any (a test waits for it). */
    idle: () => running ?? Promise.resolve(),
    stop: () => clearInterval(timer),
  };
}
