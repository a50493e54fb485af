// `npm run bench`: Lighthouse scores, build time against collection size, the widget's weight, request throughput, sealing.
// Prints figures; it asserts nothing (budgets that must hold live in `npm test`).
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { brotliCompressSync, constants } from 'node:zlib';
import autocannon from 'autocannon';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { identityIn, keysetOf, newIdentity, open, recipientOf, seal } from '../../shared/crypto/sealed.ts';
import { ALPHABET } from '../../function/domain/reference.ts';
import { openSqliteStore } from '../../function/store/sqlite.ts';
import { buildEnv, buildSteps } from '../../function/node/site-build.ts';
import { sealFigures } from './seal.ts';
import { recordsFigures } from './records.ts';
import { scanFigures } from './scan.ts';
import { BENCH_HEADERS, benchOfficer } from './session.ts';
import { benchServer } from './server.ts';
import { writeFigures } from '../figures.ts';

const root = new URL('../..', import.meta.url).pathname;
const work = join(root, '.bench');
const chromePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const only = process.argv[2];

/** The whole build, as `npm run build` runs it, into `outDir`: seconds per step and in all. */
function wholeBuild(env: Record<string, string>, outDir: string): Record<string, number> {
  const seconds: Record<string, number> = {};
  for (const [name, args] of buildSteps(outDir)) {
    const start = performance.now();
    const run = spawnSync(process.execPath, args, {
      cwd: root,
      env: buildEnv(outDir, env),
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`${name} failed:\n${run.stdout}\n${run.stderr}`);
    seconds[name] = (performance.now() - start) / 1000;
  }
  seconds['all'] = Object.values(seconds).reduce((a, b) => a + b, 0);
  return seconds;
}

/** A policy with `count` versions, each changing a few sentences of the real text, so comparisons do real work. */
function syntheticCollection(count: number): string {
  const dir = join(work, `content-${count}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'policy', 'fr'), { recursive: true });
  const base = readFileSync(join(root, 'content/policy/fr/1.0.mdx'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const paragraphs = base.split('\n\n');
  for (let v = 0; v < count; v++) {
    const day = new Date(Date.UTC(2000, 0, 1) + v * 86_400_000 * 7).toISOString().slice(0, 10);
    const body = paragraphs
      .map((p, i) => (i % 7 === v % 7 && !p.startsWith('#') && !p.startsWith('<') ? `${p} Révision ${v}.` : p))
      .join('\n\n');
    const front = [
      '---',
      'document: policy',
      `version: '1.${v}'`,
      'lang: fr',
      'title: Politique de confidentialité',
      `effective: ${day}`,
      `published: ${day}`,
      `summary: Révision synthétique ${v}.`,
      '---',
      '',
    ];
    writeFileSync(join(dir, 'policy', 'fr', `1.${v}.mdx`), `${front.join('\n')}${body}`);
  }
  return dir;
}

function buildScaling() {
  console.log(
    '\nBuild time against collection size ' +
      '(policy in French, every version a permalink, a comparison and a blocks file)',
  );
  console.log('versions | pages | seconds in all (astro, widget, pagefind, compress) | ms per version');
  const points: [number, number][] = [];
  const rows: string[] = [];
  for (const count of [10, 50, 200]) {
    const dir = syntheticCollection(count);
    const steps = wholeBuild({ PORTAL_CONTENT_DIR: dir }, join(work, `dist-${count}`));
    const seconds = steps['all']!;
    const pages = spawnSync('find', [join(work, `dist-${count}`), '-name', 'index.html'], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n').length;
    points.push([count, seconds]);
    const parts = ['astro', 'widget', 'pagefind', 'compress'].map((s) => steps[s]!.toFixed(1));
    rows.push(
      `| ${count} | ${pages} | ${seconds.toFixed(1)} | ${parts.join(' | ')} | ${((seconds * 1000) / count).toFixed(0)} |`,
    );
    console.log(
      [
        String(count).padStart(8),
        String(pages).padStart(5),
        `${seconds.toFixed(2).padStart(7)} (${['astro', 'widget', 'pagefind', 'compress'].map((s) => steps[s]!.toFixed(1)).join(', ')})`,
        ((seconds * 1000) / count).toFixed(1),
      ].join(' | '),
    );
  }
  // Least-squares line through the three points: linear growth means the line explains nearly all the variance.
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const slope =
    points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const intercept = my - slope * mx;
  const ssRes = points.reduce((s, [x, y]) => s + (y - (intercept + slope * x)) ** 2, 0);
  const ssTot = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const marginal = (points[2]![1] - points[1]![1]) / (200 - 50);
  const early = (points[1]![1] - points[0]![1]) / (50 - 10);
  console.log(
    `fit: ${intercept.toFixed(2)} s + ${(slope * 1000).toFixed(1)} ms × versions, ` +
      `R² = ${(1 - ssRes / ssTot).toFixed(4)}`,
  );
  console.log(
    `cost of a version: ${(early * 1000).toFixed(1)} ms between 10 and 50, ` +
      `${(marginal * 1000).toFixed(1)} ms between 50 and 200 (quadratic work would multiply it ~5×)`,
  );
  writeFigures(
    'build',
    [
      `The whole build (\`npm run build\`'s four steps), measured ${new Date().toISOString().slice(0, 10)}:`,
      '',
      '| versions | pages | seconds | astro | widget | pagefind | compress | ms per version |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      `Fit: ${intercept.toFixed(1)} s + ${(slope * 1000).toFixed(0)} ms a version (R² = ` +
        `${(1 - ssRes / ssTot).toFixed(4)}); a version costs ${(early * 1000).toFixed(0)} ms between 10 and 50, ` +
        `${(marginal * 1000).toFixed(0)} ms between 50 and 200.`,
    ].join('\n'),
  );
}

async function lighthouseScores() {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) wholeBuild({}, dist);
  const server = await benchServer({ PORTAL_DIST: dist }, 4399);
  try {
    const chrome = await launch({
      chromePath,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const pages = {
        document: '/fr/politique-de-confidentialite/',
        history: '/fr/politique-de-confidentialite/historique/',
        compare: '/fr/politique-de-confidentialite/comparer/1.0-1.1/',
        'compare (in browser)': '/en/privacy-policy/compare/?from=1.1&to=1.0',
        home: '/fr/',
        'request form': '/fr/demande/',
        search: '/fr/recherche/?q=consentement',
        // Not public (noindex): SEO counts that against them, on purpose.
        inbox: '/fr/responsable/',
      };
      console.log('\nLighthouse (mobile, simulated throttling) — target 100 everywhere');
      console.log('page                 | performance | accessibility | best practices | SEO');
      for (const [name, path] of Object.entries(pages)) {
        const result = await lighthouse(`${server.base}${path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const c = result?.lhr.categories;
        const score = (k: string) => String(Math.round((c?.[k]?.score ?? 0) * 100)).padStart(3);
        console.log(
          [
            name.padEnd(20),
            score('performance').padStart(11),
            score('accessibility').padStart(13),
            score('best-practices').padStart(14),
            score('seo'),
          ].join(' | '),
        );
        const audits = result?.lhr.audits ?? {};
        const metric = (id: string) => audits[id]?.displayValue ?? '?';
        console.log(
          `    FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, ` +
            `TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
        );
        if (result?.lhr.runtimeError)
          console.log(`    runtime error: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
        const failing = Object.values(result?.lhr.audits ?? {}).filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual',
        );
        for (const a of failing) console.log(`    below 90: ${a.id} (${a.title})`);
      }
    } finally {
      await chrome.kill();
    }
  } finally {
    server.stop();
  }
}

/** The consent widget's weight (size-limit's figure, gzip). */
function widgetSize() {
  if (!existsSync(join(root, 'dist/widget/consent.js'))) throw new Error('Build first: npm run build');
  const run = spawnSync(process.execPath, ['node_modules/size-limit/bin.js', '--json'], {
    cwd: root,
    encoding: 'utf8',
  });
  console.log(
    '\nConsent widget, gzip, what the browser downloads on each path (kB = 1,000 bytes, as size-limit counts)',
  );
  // The same paths in brotli (quality 11, as function/node/precompress.ts makes the copies the Node entry serves).
  const paths = new Map(
    (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))['size-limit'] as { name: string; path: string[] }[]
    ).map((e) => [e.name, e.path]),
  );
  const brotli = (patterns: string[]) => {
    const skip = new Set(patterns.filter((p) => p.startsWith('!')).flatMap((p) => globSync(p.slice(1), { cwd: root })));
    const files = new Set(patterns.filter((p) => !p.startsWith('!')).flatMap((p) => globSync(p, { cwd: root })));
    const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
    return [...files]
      .filter((f) => !skip.has(f))
      .reduce((sum, f) => sum + brotliCompressSync(readFileSync(join(root, f)), quality).length, 0);
  };
  for (const entry of JSON.parse(run.stdout) as { name: string; size: number; sizeLimit?: number }[])
    console.log(
      `${(entry.size / 1000).toFixed(2).padStart(6)} kB (${entry.size} bytes; ` +
        `budget ${((entry.sizeLimit ?? 0) / 1000).toFixed(1)} kB; ` +
        `brotli ${(brotli(paths.get(entry.name) ?? []) / 1000).toFixed(2)} kB)  ${entry.name}`,
    );
  console.log('  15.50 kB  vanilla-cookieconsent 3.1, on every page, without any strings (for comparison)');
}

/**
 * The two write paths against a bare durable write (one row, one commit), on one server, in one run: consent receipts
 * (the high-volume path, every decision on every site) and filings (rare, heavy: validation, sealing, hashing, mail).
 * Each is measured between two runs of the bare write, whose mean is its baseline, so that a machine whose speed
 * drifts during the run does not flatter one side. Then filings again during a flood of receipts: a flood may not
 * slow them.
 */
async function requestThroughput() {
  const unlimited = {
    PORTAL_ALTCHA: 'off',
    PORTAL_RATE_PER_WINDOW: '100000000',
    PORTAL_RECEIPTS_PER_WINDOW: '100000000',
    PORTAL_RECEIPTS_ALL_PER_WINDOW: '100000000',
    PORTAL_BENCH: '1',
  };
  const data = join(work, `data-${Date.now()}`);
  const server = await benchServer({ PORTAL_DATA: data, ...unlimited }, 4398);
  // The flood as deployed: receipts at their default limits (per network, and from everywhere together); only the
  // filings' own limit is lifted, since every filing of the bench comes from one address.
  const guardedData = join(work, `guarded-${Date.now()}`);
  const guarded = await benchServer(
    { PORTAL_DATA: guardedData, PORTAL_ALTCHA: 'off', PORTAL_RATE_PER_WINDOW: '100000000' },
    4397,
  );
  try {
    const filingBody = (n: number) =>
      JSON.stringify({
        holder: 'citim',
        type: 'access',
        name: 'Nguyễn Thị Minh Khai',
        email: 'minh@example.org',
        relation: 'participant',
        details: `Demande de mesure numéro ${n}, assez longue.`,
        language: 'fr',
        replyFormat: 'pdf',
        capacity: 'self-adult',
        acknowledged: true,
      });
    // A receipt as the widget sends it: decided now, one of a few visitors' choices.
    const receiptBody = (n: number) => {
      const now = new Date().toISOString();
      return JSON.stringify({
        type: 'consent-receipt',
        version: 1,
        id: `bench${String(n % 1_000_000).padStart(7, '0')}`,
        decidedAt: now,
        firstDecidedAt: now,
        site: 'www.citim.test',
        lang: n % 3 ? 'fr' : 'en',
        policyVersion: '1.1',
        declarationRevision: 1,
        method: n % 2 ? 'accept-all' : 'custom',
        gpc: false,
        choices: {
          necessary: true,
          preferences: n % 2 === 1,
          statistics: n % 3 !== 0,
          advertising: false,
          social: false,
        },
      });
    };
    let n = 0;
    const run = (base: string, path: string, body: (n: number) => string, connections = 16, duration = 8) =>
      autocannon({
        url: `${base}${path}`,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => ({
              ...request,
              headers: {
                'content-type': 'application/json',
                origin: base,
                'idempotency-key': `bench-key-${process.pid}-${n++}`,
              },
              body: body(n),
            }),
          },
        ],
      });
    const { base } = server;
    const bare = () => run(base, '/__bench/insert', filingBody);
    const bare1 = await bare();
    const receipts = await run(base, '/api/consent-receipts', receiptBody);
    const bare2 = await bare();
    const filings = await run(base, '/api/requests', filingBody);
    const bare3 = await bare();
    // Filings with 8 connections, alone and then beside 16 connections of receipts: without limits (the thread
    // shared), then at the default limits (what a flood meets in production).
    const alone = await run(base, '/api/requests', filingBody, 8);
    const [flooded, flood] = await Promise.all([
      run(base, '/api/requests', filingBody, 8),
      run(base, '/api/consent-receipts', receiptBody, 16),
    ]);
    const memory = server.peakMb() ?? '?';
    const guardedAlone = await run(guarded.base, '/api/requests', filingBody, 8);
    const [guardedFlooded, guardedFlood] = await Promise.all([
      run(guarded.base, '/api/requests', filingBody, 8),
      run(guarded.base, '/api/consent-receipts', receiptBody, 16),
    ]);
    const rate = (r: autocannon.Result) => r.requests.average;
    const ratio = (r: autocannon.Result, a: autocannon.Result, b: autocannon.Result) =>
      (rate(r) / ((rate(a) + rate(b)) / 2)).toFixed(2);
    const rows: [string, autocannon.Result][] = [
      ['bare durable write (baseline)', bare1],
      ['consent receipt (limits, check, count, insert)', receipts],
      ['bare durable write (baseline)', bare2],
      ['filing a request (validate, seal, hash, insert, mail)', filings],
      ['bare durable write (baseline)', bare3],
      ['filing, 8 connections, alone', alone],
      ['filing, 8 connections, during a flood of receipts', flooded],
      ['… the flood of receipts (16 connections, no limits)', flood],
      ['filing, 8 connections, alone (default limits)', guardedAlone],
      ['filing, 8 connections, during a flood (default limits)', guardedFlooded],
      ['… the flood of receipts (16 connections, mostly 429)', guardedFlood],
    ];
    console.log('\nWrites on the Node entry (loopback, 8 s each)');
    for (const [name, r] of rows)
      console.log(
        `${name.padEnd(56)} ${String(Math.round(rate(r))).padStart(6)} req/s  ` +
          `p50 ${String(r.latency.p50).padStart(4)} ms  p99 ${String(r.latency.p99).padStart(4)} ms  non-2xx ${r.non2xx}`,
      );
    const receiptRatio = ratio(receipts, bare1, bare2);
    const filingRatio = ratio(filings, bare2, bare3);
    const kept = (rate(flooded) / rate(alone)).toFixed(2);
    const keptGuarded = (rate(guardedFlooded) / rate(guardedAlone)).toFixed(2);
    console.log(
      `receipts ${receiptRatio} × the bare write (target ≥ 0.6); filings ${filingRatio} × (target ≥ 0.3); ` +
        `filings keep ${keptGuarded} of their rate during a flood at the default limits (${kept} without limits); ` +
        `server memory peak ${memory} MB`,
    );
    writeFigures(
      'requests',
      [
        `Measured ${new Date().toISOString().slice(0, 10)} (loopback, in this order, 8 s each; the last three on a ` +
          'second server with the default receipt limits):',
        '',
        '| | req/s | p50 ms | p99 ms |',
        '| --- | ---: | ---: | ---: |',
        ...rows.map(([name, r]) => `| ${name} | ${Math.round(rate(r))} | ${r.latency.p50} | ${r.latency.p99} |`),
        '',
        `Receipts **${receiptRatio}** × the bare write around them, filings **${filingRatio}** ×; filings keep ` +
          `**${keptGuarded}** of their rate during a flood of receipts at the default limits (**${kept}** with no ` +
          `limits at all); server memory peak ${memory} MB.`,
      ].join('\n'),
    );
  } finally {
    server.stop();
    guarded.stop();
    rmSync(data, { recursive: true, force: true });
    rmSync(guardedData, { recursive: true, force: true });
  }
}

/** Runs the inbox's re-wrap in Chromium against the server, with the session the bench made. */
async function rewrapInBrowser(base: string, identity: string) {
  const { chromium } = await import('@playwright/test');
  const { build } = await import('esbuild');
  const bundle = await build({
    entryPoints: [join(root, 'tests/bench/rewrap-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    // The portal's CSP refuses inline scripts, as it should: the bench's own script is let in this way only.
    const context = await browser.newContext({ bypassCSP: true });
    await context.addCookies([{ name: 'officer_session', value: 'bench', url: `${base}/api/officer/` }]);
    const page = await context.newPage();
    await page.goto(`${base}/fr/`);
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return (await page.evaluate(
      (id) => (globalThis as unknown as { rewrapBench: (i: string) => Promise<unknown> }).rewrapBench(id),
      identity,
    )) as { resealed: number; skipped: number; ms: number };
  } finally {
    await browser.close();
  }
}

/** The officer's inbox with 10,000 requests: the list from the API, one request fetched and opened with Web Crypto. */
async function inboxFigures() {
  const data = join(work, `inbox-${Date.now()}`);
  const server = await benchServer({ PORTAL_DATA: data, PORTAL_ALTCHA: 'off' }, 4397);
  const { base } = server;
  try {
    // The recovery key the server made for this trial: the 10,000 requests are sealed for it.
    const recovery = identityIn(readFileSync(join(data, 'recovery.key'), 'utf8'))!;
    const readers = [await recipientOf(recovery)];
    const keyset = await keysetOf(readers);
    const keys = { identities: [recovery] };
    const store = openSqliteStore(join(data, 'portal.db'));
    const at = new Date().toISOString();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 10_000 }, async (_, n) => {
        // A reference of the real shape, one per n: the n-th code in the reference alphabet.
        const digits = Array.from(
          { length: 8 },
          (_, i) => ALPHABET[Math.floor(n / ALPHABET.length ** i) % ALPHABET.length],
        );
        const ref = `2026-${digits.slice(4).join('')}-${digits.slice(0, 4).join('')}`;
        await store.insertRequest(
          {
            reference: ref,
            type: 'access',
            receivedAt: at,
            dueAt: new Date(Date.now() + (n % 40) * 86_400_000).toISOString(),
            status: 'received',
            statusChangedAt: at,
            closedAt: null,
            tokenHash: `t${n}`,
            idempotencyHash: `i${n}`,
            payloadHash: null,
            ownerHash: null,
            sealed: await seal({ name: `Personne ${n}`, email: `p${n}@example.org` }, readers, ref),
            keyset,
          },
          { at, reference: ref, action: 'received', operator: 'bench', detail: null },
        );
      }),
    );
    const filled = performance.now() - started;
    await benchOfficer(store, at);
    store.close();
    const headers = BENCH_HEADERS;
    // The bench's session signs in with no passkey: it never needs a confirmation (a re-wrap asks for none).
    const timed = async <T>(work: () => Promise<T>) => {
      const t = performance.now();
      const value = await work();
      return { value, ms: performance.now() - t };
    };
    // The first page (what the inbox shows on sign-in), then one deep in the list, filtered.
    const list = await timed(async () => (await fetch(`${base}/api/officer/requests`, { headers })).text());
    // Page 81 of a filtered list: the key of its start found by walking, then that page alone timed.
    let after = '';
    for (let page = 0; page < 80; page++) {
      const url = `${base}/api/officer/requests?status=received&type=access&size=100&after=${after}`;
      after = ((await (await fetch(url, { headers })).json()) as { next: string | null }).next ?? after;
    }
    const deep = await timed(async () =>
      (
        await fetch(`${base}/api/officer/requests?status=received&type=access&size=100&after=${after}`, { headers })
      ).text(),
    );
    const { total, rows } = JSON.parse(list.value) as { total: number; rows: { reference: string }[] };
    const one = await timed(async () => {
      const r = (await (await fetch(`${base}/api/officer/requests/${rows[0]!.reference}`, { headers })).json()) as {
        sealed: string;
      };
      return open(r.sealed, keys, rows[0]!.reference);
    });
    console.log('\nOfficer inbox, 10,000 requests on the Node entry (loopback)');
    console.log(`  filled in ${Math.round(filled)} ms (sealing included)`);
    console.log(
      `  first page: ${rows.length} of ${total} rows, ` +
        `${(list.value.length / 1024).toFixed(1)} kB, ${Math.round(list.ms)} ms`,
    );
    console.log(`  page 81, filtered by status and type: ${Math.round(deep.ms)} ms`);
    console.log(`  open one: fetch and decrypt with Web Crypto ${Math.round(one.ms)} ms`);
    // A new officer's key: every request must be sealed again for today's readers, in an officer's browser.
    const device = await newIdentity();
    const again = openSqliteStore(join(data, 'portal.db'));
    await again.addOfficerKey(
      { fingerprint: 'bench-device', officerId: 'bench', recipient: device.recipient, createdAt: at },
      { at, reference: null, action: 'keys:add', operator: 'bench', detail: null },
    );
    again.close();
    const rewrapped = await rewrapInBrowser(base, recovery);
    console.log(
      `  re-wrap ${rewrapped.resealed} requests in Chromium (pages of 50, sealed for 2 readers): ` +
        `${(rewrapped.ms / 1000).toFixed(1)} s, ${((rewrapped.ms / rewrapped.resealed) * 1000).toFixed(0)} µs each`,
    );
  } finally {
    server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}

if (!only || only === 'seal') await sealFigures();
if (!only || only === 'requests') await requestThroughput();
if (!only || only === 'inbox') await inboxFigures();
if (!only || only === 'size') widgetSize();
if (!only || only === 'lighthouse') await lighthouseScores();
if (!only || only === 'build') buildScaling();
if (!only || only === 'records') writeFigures('records', await recordsFigures(work));
if (!only || only === 'scan') writeFigures('scan', await scanFigures());
