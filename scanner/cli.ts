// `npm run scan -- <address>…`: scans the organisation's sites for cookies, storage and requests to other sites,
// holds them against the cookie declaration, and writes the report (HTML to read, JSON to keep). `--fail-on breach`
// makes a scheduled check fail when consent was broken. Every mistake in the command is one line in words.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DeclarationError, readDeclarationFile, readDeclarations } from '../widget/declaration/content.ts';
import { compare } from './compare.ts';
import { type Lang, reportHtml, reportJson, scanT } from './report.ts';
import { scan } from './scan.ts';

const FAIL_ON = ['breach', 'undeclared'] as const;

/** Runs the command; returns the exit code (0, 1 when `--fail-on` found something, 2 for a mistake in the command). */
export async function main(argv: string[], out = console.log, err = console.error): Promise<number> {
  const lang: Lang = argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : 'fr';
  const t = scanT(lang);
  const fail = (line: string) => {
    err(line);
    err(t('cli.usage'));
    return 2;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const option = /'(--?[\w-]+)/.exec(String(error))?.[1] ?? String(error);
    return fail(t('cli.badOption', { option }));
  }
  const { values, positionals } = parsed;
  if (!positionals.length) return fail(t('cli.noAddress'));
  for (const value of positionals) {
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol)) return fail(t('cli.badAddress', { value }));
  }
  const numbers: Record<string, [number, number]> = { pages: [1, 500], minutes: [1, 240], parallel: [1, 8] };
  const number: Record<string, number> = {};
  for (const [option, [min, max]] of Object.entries(numbers)) {
    const value = values[option as keyof typeof values] as string;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max)
      return fail(t('cli.badNumber', { option: `--${option}`, min, max, value }));
    number[option] = n;
  }
  if (!['fr', 'en'].includes(values.lang))
    return fail(t('cli.badValue', { option: '--lang', values: 'fr, en', value: values.lang }));
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn))
    return fail(t('cli.badValue', { option: '--fail-on', values: FAIL_ON.join(', '), value: failOn }));

  let declaration: ReturnType<typeof readDeclarationFile>;
  try {
    declaration = values.declaration
      ? readDeclarationFile(values.declaration, values.declaration)
      : readDeclarations().current;
  } catch (error) {
    if (error instanceof DeclarationError) return fail(error.message);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fail(String((error as Error).message));
    throw error;
  }
  const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    err(t('cli.noBrowser', { path: executablePath }));
    return 2;
  }

  const result = await scan(positionals, {
    declaration,
    pages: number['pages']!,
    deadline: Date.now() + number['minutes']! * 60_000,
    parallel: number['parallel']!,
    executablePath,
    // More Chromium switches, one per line (the tests map their fixture hosts with one).
    args: process.env['SCAN_CHROMIUM_ARGS']?.split('\n').filter(Boolean) ?? [],
    log: (line) => out(line),
  });
  const findings = compare(result, declaration);
  const report = reportJson(result, findings);
  const dir = resolve(values.out);
  mkdirSync(dir, { recursive: true });
  const html = join(dir, 'report.html');
  const json = join(dir, 'report.json');
  writeFileSync(html, reportHtml(report, declaration, lang));
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  out(
    t('cli.summary', {
      breaches: findings.breaches.length,
      undeclared: findings.undeclared.length,
      lifetimes: findings.lifetimes.length,
      missing: findings.withoutWidget.length,
      never: findings.neverSeen.length,
    }),
  );
  out(t('cli.written', { html, json }));
  const count =
    failOn === 'breach'
      ? findings.breaches.length
      : failOn === 'undeclared'
        ? findings.breaches.length + findings.undeclared.length
        : 0;
  if (failOn && count) {
    err(t('cli.failed', { on: failOn, count }));
    return 1;
  }
  return 0;
}

const parse = (argv: string[]) =>
  parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      pages: { type: 'string', default: '20' },
      minutes: { type: 'string', default: '15' },
      parallel: { type: 'string', default: '3' },
      out: { type: 'string', default: 'scan-report' },
      lang: { type: 'string', default: 'fr' },
      'fail-on': { type: 'string' },
      declaration: { type: 'string' },
    },
  });

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
