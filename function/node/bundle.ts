// The Node entry as one JavaScript file, `function/entries/node.built.mjs`, which `npm run serve` runs: Node then has
// no TypeScript to strip (its stripper alone held 26 MB of the server's memory) and less source to keep. The packages
// stay in node_modules, loaded as they are; only this project's TypeScript is bundled. Made again at each start, so it
// is never older than the sources beside it.
import { build } from 'esbuild';

/** Beside node.ts, so that the addresses its modules make from their own (`../store/migrations/`) still hold. */
export const BUILT_ENTRY = new URL('../entries/node.built.mjs', import.meta.url).pathname;

export async function bundleNodeEntry(): Promise<string> {
  await build({
    entryPoints: [new URL('../entries/node.ts', import.meta.url).pathname],
    outfile: BUILT_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node24',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return BUILT_ENTRY;
}

if (import.meta.main) await bundleNodeEntry();
