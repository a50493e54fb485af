// `npm run officer -- <command>`: the privacy officer's command line over the Node store (`help` lists the commands).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  changeStatus,
  DEFAULT_RETENTION_YEARS,
  exportRequest,
  listByDue,
  OfficerError,
  purge,
  rewrap,
  showRequest,
} from '../domain/officer.ts';
import { STATUSES, type Status } from '../../shared/request.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import { importLegacyKey } from '../../shared/crypto/legacy.ts';
import { ageFileOf, identityFile, identityIn, newIdentity, type OpeningKeys } from '../../shared/crypto/sealed.ts';
import type { RequestStore, ScanStore } from '../store/contract.ts';
import { createInvitation } from '../store/access.ts';
import { remoteStore } from '../store/remote.ts';
import type { MailSettings } from '../mail/compose.ts';
import { outboxRecipient } from '../mail/outbox-key.ts';
import type { Notify } from '../store/contract.ts';
import { BESIDE_A_SERVER, openSqliteStore } from '../store/sqlite.ts';
import { COMMANDS, HELP, helpOf } from './officer-commands.ts';
import { BackupError, checkBackup, restoreBackup } from '../node/backup.ts';
import { chainAudit, headText, verifyAudit } from '../domain/audit-chain.ts';
import { recordScan } from '../domain/scans.ts';

/** Reads the command line; an option it does not know is said in one line, with where to look. */
function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        remote: { type: 'string' },
        'token-file': { type: 'string' },
        key: { type: 'string', multiple: true },
        out: { type: 'string' },
        note: { type: 'string' },
        format: { type: 'string' },
        operator: { type: 'string' },
        name: { type: 'string' },
        'retention-years': { type: 'string' },
        'dry-run': { type: 'boolean' },
        verify: { type: 'boolean' },
        head: { type: 'string' },
        notify: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's message goes on about positionals; its first sentence is the one that helps.
    const said = (error as Error).message.split('\n')[0]!.replace(/\. .*/, '.');
    console.error(`${said} npm run officer -- help lists the commands and options.`);
    process.exit(2);
  }
}
const { values, positionals } = readArguments();
const [command, ...args] = positionals;
const operator = values.operator ?? process.env['OFFICER_NAME'] ?? userInfo().username;
const now = new Date();
const dbPath = () => resolve(values.db || process.env['PORTAL_DB'] || 'data/portal.db');

/** The database file, which must exist: the server makes it at its first start, never this tool by mistake. */
function database(): string {
  const path = dbPath();
  if (!existsSync(path))
    throw new OfficerError(
      `No database at ${path}. Give its place with --db FILE or PORTAL_DB (the server makes it at its first start).`,
    );
  return path;
}

/** Progress on the terminal for long work, on one line rewritten (not into a file or a pipe). */
const progress = (what: string) => (done: number, total: number) => {
  if (process.stderr.isTTY || process.env['OFFICER_PROGRESS'] === '1')
    process.stderr.write(`\r${what}: ${total ? Math.round((done / total) * 100) : 100} % (${done} / ${total})`);
};
const progressEnd = () => {
  if (process.stderr.isTTY || process.env['OFFICER_PROGRESS'] === '1') process.stderr.write('\n');
};

/** The keys given with --key: age identity files (the recovery key) and the former shared v1 key (a JWK). */
async function openingKeys(): Promise<OpeningKeys> {
  const files = values.key ?? [];
  if (!files.length)
    throw new OfficerError('--key FILE is required: the recovery key file (or the former officer.private.jwk).');
  const keys: { identities: string[]; legacy?: CryptoKey } = { identities: [] };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const identity = identityIn(text);
    if (identity) keys.identities.push(identity);
    else
      keys.legacy = await importLegacyKey(JSON.parse(text) as JsonWebKey).catch(() => {
        throw new OfficerError(`${file} is neither an age identity file nor the former P-256 key (JWK).`);
      });
  }
  return keys;
}

async function main() {
  if (!command || command === 'help') return console.log(args[0] ? helpOf(args[0]) : HELP);
  if (!COMMANDS[command]) throw new OfficerError(`Unknown command ${command}. npm run officer -- help lists them.`);
  if (values.help) return console.log(helpOf(command));
  if (command === 'backup') {
    const out = resolve(need(values.out, '--out FILE'));
    if (existsSync(out)) throw new OfficerError(`${out} already exists: a backup never replaces a file.`);
    const store = openSqliteStore(database(), BESIDE_A_SERVER);
    try {
      await chainAudit(store);
      await store.backup(out, progress('Copying'));
    } finally {
      store.close();
    }
    progressEnd();
    const facts = checkBackup(out);
    return console.log(
      `Wrote ${out} (checked: ${facts.requests} requests, ${facts.audit} audit entries, schema ${facts.schema}).\n` +
        `The audit log's head in it: ${facts.head}.\n` +
        'Keep it as you keep the database: requests are sealed in it, but references, dates and statuses are not.',
    );
  }
  if (command === 'audit' && values.verify) {
    if (values.remote) throw new OfficerError('audit --verify works on the database file (--db), or in the inbox.');
    const store = openSqliteStore(database(), BESIDE_A_SERVER);
    try {
      await chainAudit(store);
      const report = await verifyAudit(store);
      if (report.brokenAt) {
        const { id, at, action } = report.brokenAt;
        throw new OfficerError(
          `The audit log's chain breaks at entry #${id} (${at}, ${action}): that entry, or one just before it, was ` +
            'changed, removed or inserted after it was written. Compare with a backup.',
        );
      }
      if (values.head) {
        const [, id, hash] = /^#?(\d+)\s+([0-9a-f]{8,64})$/.exec(values.head.trim()) ?? [];
        if (!id || !hash) throw new OfficerError('--head: the fingerprint as given, like "#1234 0123456789abcdef".');
        const [entry] = await store.auditAfter(Number(id) - 1, 1);
        if (entry?.id !== Number(id) || !entry.hash?.startsWith(hash)) {
          const found =
            entry?.id === Number(id) ? `has ${headText({ id: entry.id, hash: entry.hash ?? '' })}` : 'is missing';
          throw new OfficerError(`Entry #${id} ${found} here, not the ${hash} you kept: the log was rewritten since.`);
        }
      }
      return console.log(
        `The audit log's chain holds: ${report.entries} entries, head ${headText(report.head)}` +
          `${values.head ? `; it matches ${values.head.trim()}` : ''}.`,
      );
    } finally {
      store.close();
    }
  }
  if (command === 'check-backup') {
    const file = resolve(need(args[0], 'FILE'));
    const facts = checkBackup(file);
    return console.log(
      `${file} is a sound backup: ${facts.requests} requests, ${facts.audit} audit entries, schema ${facts.schema}` +
        `${facts.current ? '' : ' (older: the server brings it up to date when it starts on it)'}; ` +
        `the audit log's head in it: ${facts.head}.`,
    );
  }
  if (command === 'restore') {
    const file = resolve(need(args[0], 'FILE'));
    const target = dbPath();
    const { facts, kept } = await restoreBackup(file, target, progress('Restoring'));
    progressEnd();
    return console.log(
      `Restored ${file} into ${target}: ${facts.requests} requests, schema ${facts.schema}.` +
        (kept ? `\nWhat the database held before is kept in ${kept}.` : '') +
        '\nStart the server: it brings an older schema up to date, after a copy of its own.',
    );
  }
  if (command === 'recovery-key') {
    const out = need(values.out, '--out FILE');
    const made = await newIdentity();
    // Never over an existing file: a key that replaced another would leave what was sealed for it unopenable.
    writeFileSync(resolve(out), identityFile(made, now), { mode: 0o600, flag: 'wx' });
    return console.log(
      `Wrote ${resolve(out)}: the recovery key's private half. Keep it off the server, in a safe (printed, or on a ` +
        'key kept offline); it opens every request, with `--key` here or with the standard `age -d -i`.\n' +
        `Configure the server with:\n  RECOVERY_PUBLIC_KEY=${made.recipient}\n` +
        'When it replaces an earlier recovery key, run `npm run officer -- rewrap --key OLD-FILE` after the restart.',
    );
  }
  if (command === 'token') {
    const token = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join(
      '',
    );
    return console.log(
      `Admin token (keep it with the private key):\n  ${token}\n` +
        `On the server, set ADMIN_TOKEN_HASH to:\n  ${await sha256(token)}\n` +
        '(Workers: npx wrangler secret put ADMIN_TOKEN_HASH -c function/wrangler.toml)',
    );
  }
  if (command === 'invite') {
    if (values.remote) throw new OfficerError('invite works on the server’s database file (--db), or from the inbox.');
    const name = need(values.name?.trim(), '--name');
    if (!/^[\p{L}\p{N} ._@'-]{1,80}$/u.test(name)) throw new OfficerError("--name: letters, digits, spaces, . _ @ ' -");
    const store = openSqliteStore(database(), BESIDE_A_SERVER);
    try {
      const code = await createInvitation(store, name, operator, now);
      return console.log(
        `Invitation for ${name}, valid 24 hours, once:\n  ${code}\n` +
          'Open the inbox (/fr/responsable/ or /en/officer/), choose "first sign-in" and enter the code.',
      );
    } finally {
      store.close();
    }
  }
  const store = openStore();
  try {
    switch (command) {
      case 'list': {
        const rows = await listByDue(store, now);
        if (!rows.length) return console.log('No requests.');
        for (const r of rows)
          console.log(
            [r.reference, r.type.padEnd(13), r.status.padEnd(17), `due ${r.dueAt.slice(0, 10)}`, r.flag.toUpperCase()]
              .join('  ')
              .trimEnd(),
          );
        return;
      }
      case 'show':
        return console.log(
          JSON.stringify(await showRequest(store, need(args[0], 'REF'), await openingKeys()), null, 2),
        );
      case 'status': {
        const status = need(args[1], 'STATUS') as Status;
        if (!STATUSES.includes(status)) throw new OfficerError(`Unknown status ${status}: ${STATUSES.join(', ')}.`);
        const reference = need(args[0], 'REF');
        // The server cannot read the address: it is decrypted here and handed over with the change.
        const notify = values.notify ? await notifyOf(store, reference, await openingKeys()) : null;
        // The status read here: the change is made from it only, or refused if another tool changed it meanwhile.
        const from = (await store.getRequest(reference))?.status;
        await changeStatus(store, {
          reference,
          status,
          from,
          note: values.note,
          operator,
          now,
          notify,
          mail: notify && !values.remote ? await localMail() : undefined,
        });
        return console.log(`${reference} is now ${status}.${notify ? ` ${notify.email} will be told by e-mail.` : ''}`);
      }
      case 'export': {
        const reference = need(args[0], 'REF');
        if (values.format === 'age') {
          const request = await store.getRequest(reference);
          const file = request ? ageFileOf(request.sealed) : new Uint8Array();
          if (!file.length) throw new OfficerError(`${reference} is not sealed in the age format (run rewrap first).`);
          writeFileSync(need(values.out, '--out FILE'), file, { mode: 0o600 });
          return;
        }
        const format = values.format === 'csv' ? 'csv' : values.format === 'json' ? 'json' : null;
        if (!format) throw new OfficerError('--format json, csv or age.');
        const text = await exportRequest(store, reference, await openingKeys(), format, operator, now);
        if (values.out) writeFileSync(values.out, text, { mode: 0o600 });
        else process.stdout.write(text);
        return;
      }
      case 'rewrap': {
        const report = await rewrap(store, await openingKeys(), operator, now, progress('Re-wrapping'));
        progressEnd();
        console.log(`Sealed again for today's readers: ${report.resealed}.`);
        if (report.skipped.length)
          console.log(`Not opened with the key(s) given, left as they are: ${report.skipped.join(', ')}.`);
        if (report.readersChanged)
          console.log('The readers changed while this ran (a key added or revoked): run again.');
        return;
      }
      case 'audit':
        for (const a of await store.listAudit(args[0]))
          console.log([a.at, a.reference ?? '-', a.action, a.operator].join('  '));
        return;
      case 'scan-record': {
        const file = need(args[0], 'FILE');
        let report: { summary?: unknown };
        try {
          report = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new OfficerError(`${file} cannot be read as a scan's report.json (${(error as Error).message}).`);
        }
        const summary = await recordScan(store, report.summary, { now, operator });
        const { breaches, undeclared } = summary.counts;
        return console.log(
          `Recorded the scan of ${summary.finishedAt}: ${breaches} breach(es), ${undeclared} undeclared. ` +
            'The inbox shows it.',
        );
      }
      case 'purge': {
        // purge() refuses a period under the policy's six years, here as on the server.
        const years = Number(values['retention-years'] ?? DEFAULT_RETENTION_YEARS);
        const done = await purge(store, {
          now,
          retentionYears: years,
          operator,
          references: args,
          dryRun: values['dry-run'] ?? false,
        });
        return console.log(
          done.length ? `${values['dry-run'] ? 'Would delete' : 'Deleted'}: ${done.join(', ')}` : 'Nothing to delete.',
        );
      }
      default:
        throw new OfficerError(`Unknown command ${command}. npm run officer -- help lists them.`);
    }
  } finally {
    store.close?.();
  }
}

function openStore(): RequestStore & Pick<ScanStore, 'recordScan'> & { close?: () => void } {
  if (!values.remote) return openSqliteStore(database(), BESIDE_A_SERVER);
  const token = (
    values['token-file'] ? readFileSync(values['token-file'], 'utf8') : (process.env['OFFICER_TOKEN'] ?? '')
  ).trim();
  if (!token) throw new OfficerError('--remote needs the admin token: --token-file FILE or $OFFICER_TOKEN.');
  return remoteStore(values.remote, token);
}

async function notifyOf(store: RequestStore, reference: string, keys: OpeningKeys): Promise<Notify> {
  const { personal } = await showRequest(store, reference, keys);
  return { email: personal.email, lang: personal.language };
}

/**
 * On the server's own database the message is composed here, sealed for the outbox's key (derived from the server's
 * secret, which this machine holds beside the database); the running server's loop opens and delivers it.
 */
async function localMail(): Promise<MailSettings> {
  const portal = (process.env['PORTAL_SITE_URL'] ?? '').replace(/\/+$/, '');
  const db = dbPath();
  const file = resolve(process.env['PORTAL_DATA'] ?? dirname(db), 'secret');
  const secret = process.env['PORTAL_SECRET'] ?? (existsSync(file) ? readFileSync(file, 'utf8').trim() : '');
  if (!secret)
    throw new OfficerError(
      `--notify needs the server's secret (PORTAL_SECRET, or ${file}) to seal the message for its outbox.`,
    );
  return {
    portal,
    organisation: process.env['PORTAL_NAME'] ?? 'CITIM',
    officers: [],
    officerLang: 'fr',
    sealFor: await outboxRecipient(secret),
  };
}

function need(value: string | undefined, name: string): string {
  if (!value) throw new OfficerError(`${name} is missing: npm run officer -- ${COMMANDS[command!]?.usage ?? 'help'}`);
  return value;
}

// What went wrong in one line, never a stack trace (OFFICER_DEBUG=1 shows it, for a bug report).
main().catch((error: unknown) => {
  const known = error instanceof OfficerError || error instanceof BackupError;
  if (process.env['OFFICER_DEBUG'] === '1') console.error(error);
  else console.error(known ? (error as Error).message : `Stopped: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
