// The guides' figures, made from the build rather than typed: `npm run figures` writes them between their markers
// (`<!-- figures:NAME -->` … `<!-- /figures:NAME -->`, in the README or docs/), and `npm run size` (in `npm test`)
// fails when a guide no longer says what the build weighs. `npm run bench` writes the figures only a benchmark can measure the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** The documents that may hold figure blocks: the README and the guides. */
const DOCUMENTS = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
];
/** The document that holds the block `name`. */
function holding(name: string): string {
  const file = DOCUMENTS.find((f) => readFileSync(f, 'utf8').includes(`<!-- figures:${name} -->`));
  if (!file) throw new Error(`no document has a <!-- figures:${name} --> block`);
  return file;
}
const kB = (bytes: number) => (bytes / 1000).toFixed(2);

/** A document with the block `name` replaced by `body`; an error if its markers are missing. */
export function withBlock(readme: string, name: string, body: string): string {
  const open = `<!-- figures:${name} -->`;
  const close = `<!-- /figures:${name} -->`;
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`no ${open} … ${close} block`);
  return `${readme.slice(0, start + open.length)}\n${body.trim()}\n${readme.slice(end)}`;
}

/** Writes a block where it stands (the benchmarks' figures). */
export function writeFigures(name: string, body: string): void {
  const file = holding(name);
  writeFileSync(file, withBlock(readFileSync(file, 'utf8'), name, body));
}

/** The widget's weight on each path, as size-limit measures and budgets it, and what the Node entry sends (brotli). */
function weight(): string {
  const measured = JSON.parse(
    execFileSync(process.execPath, ['node_modules/size-limit/bin.js', '--json'], { cwd: root, encoding: 'utf8' }),
  ) as { name: string; size: number; sizeLimit: number }[];
  const rows = measured.map((m) => `| ${m.name} | ${kB(m.size)} | ${kB(m.sizeLimit)} |`);
  return ['| path (gzip, kB) | measured | budget |', '| --- | ---: | ---: |', ...rows].join('\n');
}

/** What the Node entry sends of a few pages and files: the brotli copy the build made, and the file unpacked. */
function served(): string {
  const files: [string, string][] = [
    ['the policy page', 'fr/politique-de-confidentialite/index.html'],
    ['the PTET notice', 'fr/avis-ptet/index.html'],
    ['the home page', 'fr/index.html'],
    ['the comparison of 1.0 and 1.1', 'fr/politique-de-confidentialite/comparer/1.0-1.1/index.html'],
    ['the request form', 'fr/demande/index.html'],
    ['`consent.js`', 'widget/consent.js'],
  ];
  const rows = files.map(([what, path]) => {
    const file = join(root, 'dist', path);
    if (!existsSync(file)) throw new Error(`dist/${path} is missing: build first`);
    const packed = existsSync(`${file}.br`) ? statSync(`${file}.br`).size : statSync(file).size;
    return `| ${what} | ${kB(packed)} | ${kB(statSync(file).size)} |`;
  });
  return ['| served by the Node entry (kB) | brotli | unpacked |', '| --- | ---: | ---: |', ...rows].join('\n');
}

/** The block's text as a document has it. */
const blockOf = (readme: string, name: string) =>
  readme.slice(readme.indexOf(`<!-- figures:${name} -->`), readme.indexOf(`<!-- /figures:${name} -->`));
/** Where two versions of a block differ by more than `tolerance` (a share) in a number, or in any word. */
function drift(said: string, measured: string, tolerance: number): string[] {
  const [a, b] = [said.split('\n'), measured.split('\n')];
  if (a.length !== b.length) return ['a row more or less'];
  return a.flatMap((line, i) => {
    const [x, y] = [line.split('|'), b[i]!.split('|')];
    return x.flatMap((cell, j) => {
      const [m, n] = [Number.parseFloat(cell), Number.parseFloat(y[j] ?? '')];
      const close = !Number.isNaN(m) && !Number.isNaN(n) && Math.abs(m - n) <= Math.max(0.011, n * tolerance);
      return cell.trim() === (y[j] ?? '').trim() || close
        ? []
        : [`${cell.trim()} where the build gives ${y[j]?.trim()}`];
    });
  });
}

if (import.meta.main) {
  const measured: Record<string, [string, number]> = { weight: [weight(), 0], served: [served(), 0.03] };
  const wrong: string[] = [];
  for (const [name, [body, tolerance]] of Object.entries(measured)) {
    const file = holding(name);
    const text = readFileSync(file, 'utf8');
    const fresh = withBlock(text, name, body);
    if (process.argv.includes('--write')) {
      writeFileSync(file, fresh);
      console.log(`${file.slice(root.length)}: ${name} figures written from the build`);
    }
    // The widget's build is the same bytes on every machine: its weight must match. A page carries the day it was
    // built, so what is served may differ by a few bytes: 3 %.
    else wrong.push(...drift(blockOf(text, name), blockOf(fresh, name), tolerance).map((w) => `${name}: ${w}`));
  }
  if (wrong.length) {
    console.error(`The guides give other figures than the build (${wrong.join('; ')}): run \`npm run figures\`.`);
    process.exit(1);
  }
  if (!process.argv.includes('--write')) console.log('figures: the guides match the build');
}
