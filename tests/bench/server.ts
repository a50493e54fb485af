// The Node entry as the benches run it: as `npm run serve` does (bundled, function/node/bundle.ts), through the tests'
// own `startServer`, quiet (no access log kept), and its peak memory.
import { readFileSync } from 'node:fs';
import { bundleNodeEntry } from '../../function/node/bundle.ts';
import { startServer } from '../../function/testing.ts';

export async function benchServer(env: Record<string, string>, port?: number) {
  const entry = ['--enable-source-maps', await bundleNodeEntry()];
  const server = await startServer(env, port, { quiet: true, entry });
  if (server.child.exitCode !== null) throw new Error(`the server did not start:\n${server.output()}`);
  return {
    ...server,
    /** The server's resident memory at its highest so far (VmHWM), in MB. */
    peakMb: () => {
      const kb = readFileSync(`/proc/${server.child.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1];
      return kb ? Math.round(Number(kb) / 1024) : null;
    },
  };
}
