// `node function/precompress.ts dist`, the build's last step: a brotli (.br) and a gzip (.gz) copy beside each file
// that compresses, so the Node entry serves them by Accept-Encoding at no cost per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats; images, fonts and Pagefind's fragments (already compressed) gain nothing. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt', '.webmanifest', '.map']);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 512;

export function precompress(root: string): { files: number; bytes: number; brotli: number } {
  const totals = { files: 0, bytes: 0, brotli: 0 };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (COMPRESSIBLE.has(extname(name)) && statSync(path).size >= MIN_BYTES) {
        const raw = readFileSync(path);
        const br = brotliCompressSync(raw, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = gzipSync(raw, { level: 9 });
        // A copy that is not smaller would only cost a disk read.
        if (br.length < raw.length) writeFileSync(`${path}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${path}.gz`, gz);
        totals.files++;
        totals.bytes += raw.length;
        totals.brotli += Math.min(br.length, raw.length);
      }
    }
  };
  walk(root);
  return totals;
}

if (import.meta.main) {
  const root = process.argv[2] ?? 'dist';
  const { files, bytes, brotli } = precompress(root);
  console.log(
    `precompressed ${files} files in ${root}: ` +
      `${Math.round(bytes / 1024)} KB → ${Math.round(brotli / 1024)} KB with brotli`,
  );
}
