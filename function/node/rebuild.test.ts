// The server's rebuild on the day a document changes, with a stand-in build (the real one runs in
// tests/schedule.spec.ts): when it runs, what it replaces, and what a failed build leaves in place.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scheduleOf, scheduleRebuilds } from './rebuild.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A build folder made for `builtFor`, with the days it knows will change. */
function buildFor(root: string, builtFor: string, changes: string[]) {
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'schedule.json'), JSON.stringify({ builtFor, timeZone: 'America/Toronto', changes }));
  writeFileSync(join(root, 'index.html'), `built for ${builtFor}`);
}

function setUp(clockAt: string, build: (out: string, today: string) => Promise<void>) {
  const place = mkdtempSync(join(tmpdir(), 'portal-rebuild-'));
  dirs.push(place);
  const root = join(place, 'dist');
  buildFor(root, '2027-01-10', ['2027-01-15']);
  const lines: Record<string, unknown>[] = [];
  let swaps = 0;
  const clock = { now: new Date(clockAt) };
  const rebuilds = scheduleRebuilds({
    root,
    clock: () => clock.now,
    log: (l) => lines.push(l),
    onSwap: () => swaps++,
    build,
    everyMs: 60_000,
  });
  rebuilds.stop();
  return { place, root, lines, swaps: () => swaps, rebuilds };
}

describe('rebuilds on the day', () => {
  it('does nothing before the day, in Montreal (05:00 UTC on the 15th is still the 14th there)', async () => {
    const built: string[] = [];
    const { root, rebuilds } = setUp('2027-01-15T04:59:00Z', async (out, today) => {
      built.push(today);
      buildFor(out, today, []);
    });
    await rebuilds.idle();
    expect(built).toEqual([]);
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe('built for 2027-01-10');
  });

  it('builds for the day beside the served build, puts it in place, and forgets the old one', async () => {
    const built: string[] = [];
    const { place, root, lines, swaps, rebuilds } = setUp('2027-01-15T05:00:30Z', async (out, today) => {
      built.push(today);
      buildFor(out, today, []);
    });
    await rebuilds.idle();
    expect(built).toEqual(['2027-01-15']);
    expect(scheduleOf(root)).toMatchObject({ builtFor: '2027-01-15', changes: [] });
    expect(swaps()).toBe(1);
    expect(readdirSync(place)).toEqual(['dist']);
    expect(lines).toEqual([expect.objectContaining({ rebuilt: '2027-01-15', change: '2027-01-15' })]);
  });

  it('keeps serving the old build when the new one fails, says why in the log, and leaves no half build', async () => {
    const { place, root, lines, swaps, rebuilds } = setUp('2027-01-16T12:00:00Z', async (out) => {
      mkdirSync(out);
      writeFileSync(join(out, 'half'), 'x');
      throw new Error('astro failed:\ncontent/policy/fr/1.2.mdx: effective is not a day');
    });
    await rebuilds.idle();
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toBe('built for 2027-01-10');
    expect(swaps()).toBe(0);
    expect(readdirSync(place)).toEqual(['dist']);
    expect(lines).toEqual([expect.objectContaining({ error: 'rebuild', message: 'astro failed:' })]);
    expect(existsSync(join(root, 'half'))).toBe(false);
  });
});
