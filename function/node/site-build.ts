// The portal's whole build as `npm run build` runs it, into any folder: Astro, the widget, the search index, the
// compressed copies. The Node entry runs it when a document changes on its day (function/node/rebuild.ts), the build
// bench to time it (tests/bench/run.ts).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

const root = new URL('../..', import.meta.url).pathname;

/** The steps, each a Node script with its arguments, run from the project's folder. */
export const buildSteps = (outDir: string): [string, string[]][] => [
  ['astro', ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir]],
  ['widget', ['widget/build.ts']],
  ['pagefind', ['node_modules/pagefind/lib/runner/bin.cjs', '--site', outDir]],
  ['compress', ['function/node/precompress.ts', outDir]],
];

/** The environment of every step: the folder (PORTAL_DIST, which the widget's build reads), no telemetry. */
export const buildEnv = (outDir: string, env: Record<string, string> = {}) => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  PORTAL_DIST: outDir,
  ...env,
});

/**
 * Builds into `outDir` without holding the event loop (each step a child process); seconds per step. A failed step
 * rejects with the end of what it printed.
 */
export async function buildSite(outDir: string, env: Record<string, string> = {}): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  for (const [name, args] of buildSteps(outDir)) {
    const start = performance.now();
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, args, { cwd: root, env: buildEnv(outDir, env) });
      // At the lowest priority: the server that asked for the build answers first (the build waits its turn).
      try {
        if (child.pid) setPriority(child.pid, 19);
      } catch {
        // Not allowed here: the build runs at the server's own priority.
      }
      let said = '';
      child.stdout.on('data', (d) => (said = (said + d).slice(-4_000)));
      child.stderr.on('data', (d) => (said = (said + d).slice(-4_000)));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed:\n${said}`))));
    });
    seconds[name] = (performance.now() - start) / 1000;
  }
  return seconds;
}
