// The messages the portal sends, composed when the change they tell of is written: plain text and HTML, in the
// requester's language (the officers' for theirs), no image, no tracking, no personal data in a subject line.
import { escapeHtml as esc } from '../../shared/escape-html.ts';
import { fill } from '../../shared/fill.ts';
import type { RequestType } from '../../shared/request.ts';
import { statusNames, typeNames } from '../../shared/request-names.ts';
import { sha256 } from '../../shared/seal.ts';
import type { ListedRequest } from '../store.ts';
import type { OutboxMessage } from './outbox.ts';
import { type MailKey, mailWords, type NotifiedStatus } from './words.ts';

type Lang = 'fr' | 'en';

/** What the messages need to know of the deployment. */
export interface MailSettings {
  /** The portal's origin, for the links in the messages. */
  portal: string;
  /** The organisation's name, in signatures. */
  organisation: string;
  /** The officers' addresses (OFFICER_EMAILS): one notice per new request, and the daily digest. */
  officers: string[];
  officerLang: Lang;
}

/** The officers' inbox, by language. */
export const INBOX = { fr: '/fr/responsable/', en: '/en/officer/' } as const;

const DAY = 86_400_000;
const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'long', timeZone: 'America/Toronto' }).format(new Date(iso));
const typeIn = (type: string, lang: Lang) => typeNames[lang][type as RequestType] ?? type;

/** French typography puts a (narrow) space before the colon. */
const COLON = { fr: '\u00a0: ', en: ': ' } as const;

/** A paragraph of words, a line with a link under its label, or a list under an optional title. */
type Block = string | { label: string; href: string } | { list: string[]; title?: string };

/** Both parts from one list of blocks: they say the same thing. */
function parts(blocks: Block[], lang: Lang): { text: string; html: string } {
  const text = blocks
    .map((b) =>
      typeof b === 'string'
        ? b
        : 'href' in b
          ? `${b.label}\n${b.href}`
          : [...(b.title ? [b.title] : []), ...b.list.map((item) => `- ${item}`)].join('\n'),
    )
    .join('\n\n');
  const html = blocks
    .map((b) =>
      typeof b === 'string'
        ? `<p>${esc(b)}</p>`
        : 'href' in b
          ? `<p>${esc(b.label)}<br><a href="${esc(b.href)}">${esc(b.href)}</a></p>`
          : `${b.title ? `<p>${esc(b.title)}</p>` : ''}<ul>${b.list.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  return {
    text: `${text}\n`,
    html: `<!doctype html><html lang="${lang}-CA"><head><meta charset="utf-8"><title></title></head><body>${html}</body></html>`,
  };
}

function message(
  kind: OutboxMessage['kind'],
  id: string,
  reference: string | null,
  recipient: string,
  lang: Lang,
  subject: string,
  blocks: Block[],
): OutboxMessage {
  return {
    id,
    kind,
    reference,
    recipient,
    subject,
    ...parts(blocks, lang),
    // RFC 3834: automatic, so no out-of-office reply comes back; Outlook's own header says the same.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'Content-Language': lang },
  };
}

const t = (lang: Lang, key: MailKey, values: Record<string, string | number> = {}) =>
  fill(mailWords[lang][key], values);

export interface Filed {
  reference: string;
  type: string;
  receivedAt: string;
  dueAt: string;
  lang: Lang;
  email: string;
  /** The status page's address with its token (path and query). */
  statusPath: string;
  /** The e-mail confirmation code, in clear only here and in the message. */
  confirmCode: string;
}

/** The requester's receipt with the status and confirmation links, and one notice per officer, without personal data. */
export function filedMessages(settings: MailSettings, filed: Filed): OutboxMessage[] {
  const { lang, reference } = filed;
  const type = typeIn(filed.type, lang);
  const confirm = `${settings.portal}${filed.statusPath}&confirm=${encodeURIComponent(filed.confirmCode)}`;
  const requester = message(
    'filed',
    crypto.randomUUID(),
    reference,
    filed.email,
    lang,
    t(lang, 'filed.subject', { reference }),
    [
      t(lang, 'hello'),
      t(lang, 'filed.intro', { type, received: day(filed.receivedAt, lang), reference }),
      t(lang, 'filed.due', { due: day(filed.dueAt, lang) }),
      { label: t(lang, 'filed.status'), href: `${settings.portal}${filed.statusPath}` },
      t(lang, 'filed.keep'),
      { label: t(lang, 'filed.confirm'), href: confirm },
      t(lang, 'filed.confirmWhy'),
      t(lang, 'filed.next'),
      t(lang, 'filed.notYou'),
      t(lang, 'signature', { organisation: settings.organisation }),
    ],
  );
  const o = settings.officerLang;
  const notices = settings.officers.map((officer) =>
    message('officer-new', crypto.randomUUID(), reference, officer, o, t(o, 'officer.subject', { reference }), [
      t(o, 'officer.intro'),
      {
        list: [
          `${t(o, 'officer.reference')}${COLON[o]}${reference}`,
          `${t(o, 'officer.type')}${COLON[o]}${typeIn(filed.type, o)}`,
          `${t(o, 'officer.received')}${COLON[o]}${day(filed.receivedAt, o)}`,
          `${t(o, 'officer.due')}${COLON[o]}${day(filed.dueAt, o)}`,
        ],
      },
      { label: t(o, 'officer.open'), href: `${settings.portal}${INBOX[o]}` },
      t(o, 'officer.none'),
    ]),
  );
  return [requester, ...notices];
}

export interface StatusChange {
  reference: string;
  type: string;
  status: NotifiedStatus;
  dueAt: string;
  lang: Lang;
  email: string;
  closed: boolean;
}

/** The requester learns of each change the officer makes, with the recourse to the Commission where it applies. */
export function statusMessage(settings: MailSettings, change: StatusChange): OutboxMessage {
  const { lang, reference } = change;
  const status = statusNames[lang][change.status];
  return message(
    'status',
    crypto.randomUUID(),
    reference,
    change.email,
    lang,
    t(lang, 'status.subject', { reference, status }),
    [
      t(lang, 'hello'),
      t(lang, 'status.intro', { reference, type: typeIn(change.type, lang), status: status.toLowerCase() }),
      t(lang, `status.${change.status}`),
      ...(change.closed ? [] : [t(lang, 'status.due', { due: day(change.dueAt, lang) })]),
      t(lang, 'status.follow'),
      t(lang, 'signature', { organisation: settings.organisation }),
    ],
  );
}

/**
 * The officers' daily digest: open requests overdue or due within 7 days, by due date; nothing when there are none.
 * One message per officer and day (its id says which), however often it is asked for.
 */
export async function digestMessages(
  settings: MailSettings,
  open: ListedRequest[],
  now: Date,
): Promise<OutboxMessage[]> {
  const o = settings.officerLang;
  const soonLimit = new Date(now.getTime() + 7 * DAY).toISOString();
  const at = now.toISOString();
  const due = open.filter((r) => !r.closedAt && r.dueAt <= soonLimit).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (!due.length) return [];
  const row = (r: ListedRequest) =>
    t(o, 'digest.row', { reference: r.reference, type: typeIn(r.type, o), due: day(r.dueAt, o) });
  const overdue = due.filter((r) => r.dueAt < at);
  const soon = due.filter((r) => r.dueAt >= at);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(now);
  return Promise.all(
    settings.officers.map(async (officer) =>
      message(
        'digest',
        `digest-${today}-${(await sha256(`digest:${officer}`)).slice(0, 16)}`,
        null,
        officer,
        o,
        t(o, 'digest.subject', { overdue: overdue.length, soon: soon.length }),
        [
          t(o, 'digest.intro'),
          ...(overdue.length ? [{ title: t(o, 'digest.overdue'), list: overdue.map(row) }] : []),
          ...(soon.length ? [{ title: t(o, 'digest.soon'), list: soon.map(row) }] : []),
          { label: t(o, 'officer.open'), href: `${settings.portal}${INBOX[o]}` },
          t(o, 'officer.none'),
        ],
      ),
    ),
  );
}
