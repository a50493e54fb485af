// `node function/node/precompress.ts dist`, the build's last step: a brotli (.br) and a gzip (.gz) copy beside each
// file that compresses, so the Node entry serves them by Accept-Encoding at no cost per request. Brotli at its best
// quality is slow (32 s of a 50 s build at 200 versions, one file after another): the files are compressed side by
// side on libuv's thread pool, one per core, and pages and data at quality 10 (measured on this build: 2 % larger in
// all, in 40 % of the time); scripts and styles, which every page loads, at 11.
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Text formats; images, fonts and Pagefind's fragments (already compressed) gain nothing. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt', '.webmanifest', '.map']);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 512;
const brotli = promisify(brotliCompress);
/** What every page loads: worth the best quality. */
const SHARED = new Set(['.js', '.mjs', '.css']);
const gzipped = promisify(gzip);

/** The files to compress under `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return COMPRESSIBLE.has(extname(name)) && statSync(path).size >= MIN_BYTES ? [path] : [];
  });
}

export async function precompress(
  root: string,
  workers = availableParallelism(),
): Promise<{ files: number; bytes: number; brotli: number }> {
  const totals = { files: 0, bytes: 0, brotli: 0 };
  const queue = files(root);
  const one = async (path: string) => {
    const raw = await readFile(path);
    const [br, gz] = await Promise.all([
      brotli(raw, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: SHARED.has(extname(path)) ? 11 : 10,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gzipped(raw, { level: 9 }),
    ]);
    // A copy that is not smaller would only cost a disk read.
    await Promise.all([
      br.length < raw.length ? writeFile(`${path}.br`, br) : undefined,
      gz.length < raw.length ? writeFile(`${path}.gz`, gz) : undefined,
    ]);
    totals.files++;
    totals.bytes += raw.length;
    totals.brotli += Math.min(br.length, raw.length);
  };
  await Promise.all(
    Array.from({ length: Math.max(1, workers) }, async () => {
      for (let path = queue.pop(); path !== undefined; path = queue.pop()) await one(path);
    }),
  );
  return totals;
}

if (import.meta.main) {
  const root = process.argv[2] ?? 'dist';
  const { files, bytes, brotli } = await precompress(root);
  console.log(
    `precompressed ${files} files in ${root}: ` +
      `${Math.round(bytes / 1024)} KB → ${Math.round(brotli / 1024)} KB with brotli`,
  );
}
