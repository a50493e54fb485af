// `npm run bench -- records`: the officer's reads at a busy network's volume on the Node entry: 1,000,000 consent
// receipts, 100,000 requests and 1,000,000 audit entries (chained), then the consent overview, the journal's first and
// a deep filtered page, the request list's first and a deep filtered page, one request; the server's memory; and how
// long a health probe waits while the whole journal streams out as CSV.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { GENESIS } from '../../function/domain/audit-chain.ts';
import { ALPHABET } from '../../function/domain/reference.ts';
import { openSqliteStore } from '../../function/store/sqlite.ts';
import { OPTIONAL } from '../../shared/consent.ts';
import { BENCH_HEADERS, benchOfficer } from './session.ts';
import { benchServer } from './server.ts';

const RECEIPTS = 1_000_000;
const REQUESTS = 100_000;
const AUDIT = 1_000_000;

/** Seeds the database in big transactions, as the function would have written it over a year. */
function seed(path: string) {
  openSqliteStore(path).close();
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
  const headers = BENCH_HEADERS;
  try {
    const time = async (path: string) => {
      const runs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const response = await fetch(`${base}/api/officer${path}`, { headers });
        bytes = (await response.text()).length;
        if (!response.ok) throw new Error(`${path}: ${response.status}`);
        runs.push(performance.now() - t);
      }
      return { ms: median(runs), kB: bytes / 1000 };
    };
    const deepRequest = references[REQUESTS - 200]!;
    const deepKey = `${new Date(Date.parse('2026-01-05T00:00:00.000Z') + (REQUESTS - 200) * 300_000 + 30 * 86_400_000).toISOString()}_${deepRequest}`;
    const rows: [string, { ms: number; kB: number }][] = [
      ['consent overview (1,000,000 receipts)', await time('/consents')],
      ['journal, first page (1,000,000 entries)', await time('/audit')],
      ['journal, filtered by action, deep', await time(`/audit?action=status:&before=${AUDIT / 10}`)],
      ['journal, one request’s entries', await time(`/audit?reference=${references[4242]}`)],
      ['request list, first page (100,000 requests)', await time('/requests')],
      [
        'request list, filtered by status and type, deep',
        await time(`/requests?status=all&type=access&after=${deepKey}`),
      ],
      ['retention view', await time('/retention')],
      ['one request', await time(`/requests/${references[4242]}`)],
    ];
    const beforeStream = server.peakMb();
    // What a health probe waits for while the whole journal streams out.
    let worst = 0;
    let streaming = true;
    const csv = fetch(`${base}/api/officer/audit.csv`, { headers })
      .then((r) => r.text())
      .finally(() => {
        streaming = false;
      });
    while (streaming) {
      const t = performance.now();
      await fetch(`${base}/healthz`);
      worst = Math.max(worst, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const lines = (await csv).split('\r\n').length - 2;
    const peak = server.peakMb();
    const table = [
      `Seeded in ${seeded.toFixed(0)} s; measured ${new Date().toISOString().slice(0, 10)} (median of 5, loopback):`,
      '',
      '| read | ms | kB |',
      '| --- | ---: | ---: |',
      ...rows.map(([what, r]) => `| ${what} | ${r.ms.toFixed(0)} | ${r.kB.toFixed(1)} |`),
      '',
      `The whole journal as CSV streamed (${lines.toLocaleString('en-CA')} lines); a health probe meanwhile waited ` +
        `${worst.toFixed(0)} ms at worst. Server memory peak ${beforeStream} MB before it, ` +
        `${peak} MB after.`,
    ].join('\n');
    console.log(`\nRecords at volume on the Node entry\n${table}`);
    return table;
  } finally {
    server.stop();
    rmSync(data, { recursive: true, force: true });
  }
}
