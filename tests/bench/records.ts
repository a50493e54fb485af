// `npm run bench -- records`: the officer's reads at a busy network's volume, on the Node entry (node:sqlite) and on
// the Workers entry (D1, in workerd through Miniflare): 1,000,000 consent receipts, 100,000 requests and 1,000,000
// audit entries (chained), then the consent overview, the journal's first and a deep filtered page, the request list's
// first and a deep filtered page, one request; the Node server's memory; and how long a health probe waits while the
// whole journal streams out as CSV.
import { createHash } from 'node:crypto';
import { globSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { GENESIS } from '../../function/domain/audit-chain.ts';
import { ALPHABET } from '../../function/domain/reference.ts';
import { type D1Database, d1AccessStore, d1Store } from '../../function/store/d1.ts';
import { openSqliteStore } from '../../function/store/sqlite.ts';
import { migrateD1, workerScript } from '../../function/testing.ts';
import { OPTIONAL } from '../../shared/consent.ts';
import { BENCH_HEADERS, benchOfficer } from './session.ts';
import { benchServer } from './server.ts';

const RECEIPTS = 1_000_000;
const REQUESTS = 100_000;
const AUDIT = 1_000_000;

/**
 * Seeds the database in big transactions, as the function would have written it over a year: a node:sqlite file, or
 * (`migrated`) the file behind a D1 database its migrations already made.
 */
export function seed(path: string, migrated = false) {
  if (!migrated) openSqliteStore(path).close();
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL');
  const start = Date.parse('2026-01-05T00:00:00.000Z');
  const weeks = new Map<string, number>();
  db.exec('BEGIN');
  const receipt = db.prepare('INSERT INTO consent_receipts (received_at, receipt, decided_at) VALUES (?, ?, ?)');
  for (let i = 0; i < RECEIPTS; i++) {
    const decidedAt = new Date(start + Math.floor((i / RECEIPTS) * 330 * 86_400_000)).toISOString();
    const choices = Object.fromEntries(OPTIONAL.map((c, k) => [c, (i >> k) % 3 === 0]));
    receipt.run(
      decidedAt,
      JSON.stringify({ id: `r${i}`, decidedAt, choices: { necessary: true, ...choices } }),
      decidedAt,
    );
    const day = new Date(`${decidedAt.slice(0, 10)}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
    const week = day.toISOString().slice(0, 10);
    for (const category of ['', ...OPTIONAL.filter((c) => choices[c])])
      weeks.set(`${week}|${category}`, (weeks.get(`${week}|${category}`) ?? 0) + 1);
  }
  const counter = db.prepare('INSERT INTO consent_weeks (week, category, n) VALUES (?, ?, ?)');
  for (const [key, n] of weeks) counter.run(...(key.split('|') as [string, string]), n);
  const request = db.prepare(
    'INSERT INTO requests (reference, type, received_at, due_at, status, status_changed_at, closed_at, token_hash, ' +
      "idempotency_hash, sealed, keyset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', '')",
  );
  const types = ['access', 'rectification', 'deletion', 'withdrawal'];
  const statuses = ['received', 'identity-verified', 'in-progress', 'completed', 'refused'];
  const references: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    // A reference of the real shape: the i-th code in the reference alphabet.
    const digits = Array.from(
      { length: 8 },
      (_, k) => ALPHABET[Math.floor(i / ALPHABET.length ** k) % ALPHABET.length],
    );
    const reference = `2026-${digits.slice(4).join('')}-${digits.slice(0, 4).join('')}`;
    references.push(reference);
    const at = new Date(start + i * 300_000).toISOString();
    const due = new Date(start + i * 300_000 + 30 * 86_400_000).toISOString();
    const status = statuses[i % statuses.length]!;
    const closed = status === 'completed' || status === 'refused' ? at : null;
    request.run(reference, types[i % types.length]!, at, due, status, at, closed, `t${i}`, `i${i}`);
  }
  const audit = db.prepare(
    'INSERT INTO audit (id, at, reference, action, operator, detail, hash) VALUES (?, ?, ?, ?, ?, NULL, ?)',
  );
  let previous = GENESIS;
  const actions = ['received', 'status:identity-verified', 'status:in-progress', 'export:csv', 'officer:signin'];
  for (let id = 1; id <= AUDIT; id++) {
    const at = new Date(start + id * 28_000).toISOString();
    const reference = id % 5 === 4 ? null : references[id % REQUESTS]!;
    const action = actions[id % actions.length]!;
    const operator = id % 7 ? 'Ana' : 'Bo';
    // The chain as function/domain/audit-chain.ts makes it (synchronously here, for a million).
    previous = createHash('sha256')
      .update(`${previous}\n${JSON.stringify([id, at, reference, action, operator, null])}`)
      .digest('hex');
    audit.run(id, at, reference, action, operator, previous);
  }
  db.exec('COMMIT');
  db.close();
  return references;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The lines of an answer, read chunk by chunk. */
async function countLines(response: { body: AsyncIterable<Uint8Array> | null }): Promise<number> {
  let lines = 0;
  for await (const chunk of response.body ?? []) for (const byte of chunk) if (byte === 10) lines++;
  return lines;
}

/** The officer's reads the bench times, with the seed's references. */
function reads(references: string[]): [string, string][] {
  const deepRequest = references[REQUESTS - 200]!;
  const deepDue = new Date(Date.parse('2026-01-05T00:00:00.000Z') + (REQUESTS - 200) * 300_000 + 30 * 86_400_000);
  return [
    ['consent overview (1,000,000 receipts)', '/consents'],
    ['journal, first page (1,000,000 entries)', '/audit'],
    ['journal, filtered by action, deep', `/audit?action=status:&before=${AUDIT / 10}`],
    ['journal, one request’s entries', `/audit?reference=${references[4242]}`],
    ['request list, first page (100,000 requests)', '/requests'],
    [
      'request list, filtered by status and type, deep',
      `/requests?status=all&type=access&after=${deepDue.toISOString()}_${deepRequest}`,
    ],
    ['retention view', '/retention'],
    ['one request', `/requests/${references[4242]}`],
  ];
}

/** Each read five times as the inbox asks it (`/api/officer…`): the median, and the answer's size. */
async function timeReads(
  get: (path: string) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>,
  list: [string, string][],
) {
  const timed: { what: string; ms: number; kB: number }[] = [];
  for (const [what, path] of list) {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const response = await get(`/api/officer${path}`);
      bytes = (await response.text()).length;
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      runs.push(performance.now() - t);
    }
    timed.push({ what, ms: median(runs), kB: bytes / 1000 });
  }
  return timed;
}

/** The same reads on the Workers entry: D1 in workerd (Miniflare), its database file seeded as node:sqlite's. */
async function onD1(work: string) {
  const { Miniflare } = await import('miniflare');
  const persist = join(work, `records-d1-${Date.now()}`);
  const ORIGIN = 'https://portal.test';
  const script = await workerScript();
  const start = () =>
    new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2026-07-01',
      d1Databases: ['DB'],
      d1Persist: persist,
      bindings: {
        PORTAL_SECRET: 'records-bench-secret',
        PORTAL_ORIGINS: ORIGIN,
        PORTAL_ALTCHA: 'off',
        SMTP_HOST: '127.0.0.1',
        MAIL_FROM: 'Portail <portail@portal.test>',
      },
      serviceBindings: { ASSETS: async () => new Response('static file') },
      // The worker's access log (a line per answer) is not the bench's to print; its errors are.
      handleRuntimeStdio: (stdout: NodeJS.ReadableStream, stderr: NodeJS.ReadableStream) => {
        stdout.resume();
        stderr.pipe(process.stderr);
      },
    });
  let mf: ReturnType<typeof start> | undefined = start();
  try {
    await migrateD1(await mf.getD1Database('DB'));
    await mf.dispose();
    mf = undefined;
    const file = globSync(join(persist, '**/*.sqlite')).find((f) => !f.includes('metadata'));
    if (!file) throw new Error(`no D1 database file under ${persist}`);
    const seeding = performance.now();
    const references = seed(file, true);
    const seeded = (performance.now() - seeding) / 1000;
    const serving = start();
    mf = serving;
    const db = (await serving.getD1Database('DB')) as unknown as D1Database;
    await benchOfficer({ ...d1Store(db), ...d1AccessStore(db) });
    const get = (path: string) => serving.dispatchFetch(`${ORIGIN}${path}`, { headers: BENCH_HEADERS });
    const timed = await timeReads(get, reads(references));
    const t = performance.now();
    const csvLines = (await countLines(await get('/api/officer/audit.csv'))) - 1;
    return { timed, seeded, csvSeconds: (performance.now() - t) / 1000, csvLines };
  } finally {
    await mf?.dispose();
    rmSync(persist, { recursive: true, force: true });
  }
}

export async function recordsFigures(work: string): Promise<string> {
  const port = 4398;
  const data = join(work, `records-${Date.now()}`);
  const path = join(data, 'portal.db');
  const seeding = performance.now();
  mkdirSync(data, { recursive: true });
  const references = seed(path);
  const store = openSqliteStore(path);
  await benchOfficer(store);
  store.close();
  const seeded = (performance.now() - seeding) / 1000;
  const server = await benchServer({ PORTAL_DATA: data, PORTAL_ALTCHA: 'off' }, port);
  const { base } = server;
  let node: Awaited<ReturnType<typeof timeReads>>;
  let streamed: { lines: number; worst: number; beforeStream: number | null; peak: number | null };
  try {
    node = await timeReads((path) => fetch(`${base}${path}`, { headers: BENCH_HEADERS }), reads(references));
    const beforeStream = server.peakMb();
    // What a health probe waits for while the whole journal streams out.
    let worst = 0;
    let streaming = true;
    // Counted as it arrives, not kept: a 58 MB text built here would pause this process, and the pause be taken for
    // the server's.
    const csv = fetch(`${base}/api/officer/audit.csv`, { headers: BENCH_HEADERS })
      .then(countLines)
      .finally(() => {
        streaming = false;
      });
    while (streaming) {
      const t = performance.now();
      await fetch(`${base}/healthz`);
      worst = Math.max(worst, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    streamed = { lines: (await csv) - 1, worst, beforeStream, peak: server.peakMb() };
  } finally {
    server.stop();
    rmSync(data, { recursive: true, force: true });
  }
  const d1 = await onD1(work);
  const table = [
    `Seeded in ${seeded.toFixed(0)} s (node:sqlite) and ${d1.seeded.toFixed(0)} s (D1's file); measured ` +
      `${new Date().toISOString().slice(0, 10)} (median of 5; Node over loopback, D1 in workerd through Miniflare):`,
    '',
    '| read | Node ms | D1 ms | kB |',
    '| --- | ---: | ---: | ---: |',
    ...node.map((r, i) => `| ${r.what} | ${r.ms.toFixed(0)} | ${d1.timed[i]!.ms.toFixed(0)} | ${r.kB.toFixed(1)} |`),
    '',
    `The whole journal as CSV streamed (${streamed.lines.toLocaleString('en-CA')} lines); on Node a health probe ` +
      `meanwhile waited ${streamed.worst.toFixed(0)} ms at worst, and the server's memory peaked at ` +
      `${streamed.beforeStream} MB before it, ${streamed.peak} MB after; on D1 the whole CSV ` +
      `(${d1.csvLines.toLocaleString('en-CA')} lines) took ${d1.csvSeconds.toFixed(1)} s.`,
  ].join('\n');
  console.log(`\nRecords at volume on both stores\n${table}`);
  return table;
}
