// The officer's command line's commands, its usage and each command's help: read by the command line
// (function/entries/officer-cli.ts) and by the tests that keep the guides' commands true, without running anything.
import { STATUSES } from '../../shared/request.ts';
import { DEFAULT_RETENTION_YEARS } from '../domain/officer.ts';

/** Every command: how it is called, and what it does (`help`, and `COMMAND --help`). */
export const COMMANDS: Record<string, { usage: string; about: string }> = {
  'recovery-key': {
    usage: 'recovery-key --out FILE',
    about:
      "Makes the organisation's recovery key. FILE (the private half) goes in a safe; the public half it prints goes " +
      'in the configuration (RECOVERY_PUBLIC_KEY). It never overwrites a file.',
  },
  invite: { usage: 'invite --name NAME', about: 'A one-time code (24 hours) to enrol a passkey in the inbox.' },
  token: {
    usage: 'token',
    about: 'Makes an admin token for a Workers deployment (prints its hash for the server).',
  },
  list: { usage: 'list', about: 'Requests by due date, with overdue and due-soon flags.' },
  show: { usage: 'show REF --key FILE', about: 'One request, decrypted, with its history.' },
  status: {
    usage: 'status REF STATUS [--note TEXT] [--notify] [--key FILE]',
    about:
      `Changes a request's status (${STATUSES.join(' | ')}). --notify e-mails the requester: their address is ` +
      'decrypted here (--key) and handed over until the message leaves.',
  },
  export: {
    usage: 'export REF --format json|csv|age --key FILE [--out FILE]',
    about: 'One request for its requester (portability). age: the sealed request as stored, for `age -d -i FILE`.',
  },
  rewrap: {
    usage: 'rewrap --key FILE',
    about:
      "Seals every request not sealed for today's readers (a new officer's key, a revoked one, a new recovery key) " +
      'again for them.',
  },
  audit: {
    usage: 'audit [REF] [--verify [--head "#ID HASH"]]',
    about:
      'The audit log, or one request’s. --verify checks its hash chain and says where it breaks; --head compares an ' +
      'entry with the fingerprint a daily digest or a backup gave (the log was rewritten if they differ).',
  },
  purge: {
    usage: 'purge [REF…] [--retention-years N] [--dry-run]',
    about: `Deletes closed requests older than N years (${DEFAULT_RETENTION_YEARS} or more, policy §10).`,
  },
  backup: {
    usage: 'backup --out FILE',
    about:
      'A consistent copy of the database while the server keeps answering (SQLite’s online backup), checked, 0600. ' +
      'Requests stay sealed in it; see the administrator’s guide for what it holds in clear.',
  },
  'check-backup': {
    usage: 'check-backup FILE',
    about: 'Checks a backup without changing anything: integrity, schema, how many requests it holds.',
  },
  restore: {
    usage: 'restore FILE',
    about:
      'Puts a backup in place of the database (--db), after checking it. Stop the server first. What the database ' +
      'held is kept beside it (…before-restore-…); the next start brings an older schema up to date.',
  },
  'scan-record': {
    usage: 'scan-record FILE',
    about:
      'Keeps the summary of a cookie scan (the report.json that npm run scan writes) for the inbox, which shows the ' +
      'last one, breaches first.',
  },
  help: { usage: 'help [COMMAND]', about: 'This help, or one command’s.' },
};

const OPTIONS = `Options: --db FILE (default: $PORTAL_DB or data/portal.db), --operator NAME (default: $OFFICER_NAME or your
login), --remote URL with --token-file FILE (or $OFFICER_TOKEN): work on a deployment through its admin API instead of
a file. --key FILE: the recovery key (an age identity file), or the former shared key (officer.private.jwk, format v1);
give --key more than once to use both. Every command takes --help.`;

export const HELP = `The privacy officer's command line: npm run officer -- COMMAND …

${Object.values(COMMANDS)
  .map(({ usage, about }) => `  ${usage}\n      ${about}`)
  .join('\n')}

${OPTIONS}`;

export const helpOf = (command: string) => {
  const known = COMMANDS[command];
  return known ? `npm run officer -- ${known.usage}\n\n${known.about}\n\n${OPTIONS}` : HELP;
};
