// The messages the portal sends, composed when the change they tell of is written: plain text and HTML, in the
// requester's language (the officers' for theirs), no image, no tracking, no personal data in a subject line.
import { escapeHtml as esc } from '../../shared/escape-html.ts';
import { fill } from '../../shared/fill.ts';
import type { RequestType } from '../../shared/request.ts';
import { statusNames, typeNames } from '../../shared/request-names.ts';
import { sha256 } from '../../shared/crypto/encoding.ts';
import type { DigestData, FiledData, MessageData, OfficerNewData, OutboxMessage, StatusData } from './message.ts';
import { newMessageId } from './outbox.ts';

export type { DigestData, FiledData, MessageData, OfficerNewData, StatusData };
import type { ListedRequest } from '../store/records.ts';
import { type MailKey, mailWords } from './words.ts';

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
  /** The outbox's key (an age recipient): a message to a requester is kept sealed for it until it leaves. */
  sealFor: string;
}

/** The officers' inbox, by language. */
export const INBOX = { fr: '/fr/responsable/', en: '/en/officer/' } as const;

const DAY = 86_400_000;
/** Made once: a date format is costly to build, and every filing writes dates. */
const DAYS = {
  fr: new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'America/Toronto' }),
  en: new Intl.DateTimeFormat('en-CA', { dateStyle: 'long', timeZone: 'America/Toronto' }),
};
const day = (iso: string, lang: Lang) => DAYS[lang].format(new Date(iso));
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
          : `${b.title ? `<p>${esc(b.title)}</p>` : ''}` +
            `<ul>${b.list.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  return {
    text: `${text}\n`,
    html:
      `<!doctype html><html lang="${lang}-CA"><head><meta charset="utf-8"><title></title></head>` +
      `<body>${html}</body></html>`,
  };
}

/** The rendered message: subject, both parts and headers, from what the outbox keeps. */
export interface Rendered {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

function rendered(lang: Lang, subject: string, blocks: Block[]): Rendered {
  return {
    subject,
    ...parts(blocks, lang),
    // RFC 3834: automatic, so no out-of-office reply comes back; Outlook's own header says the same.
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', 'Content-Language': lang },
  };
}

const t = (lang: Lang, key: MailKey, values: Record<string, string | number> = {}) =>
  fill(mailWords[lang][key], values);

/** The requester's receipt with the status and confirmation links; one notice per officer, without personal data. */
export function filedMessages(
  settings: MailSettings,
  reference: string,
  email: string,
  data: FiledData,
): OutboxMessage[] {
  const { type, receivedAt, dueAt } = data;
  return [
    { id: newMessageId(), kind: 'filed', reference, recipient: email, data },
    ...settings.officers.map(
      (officer): OutboxMessage => ({
        id: newMessageId(),
        kind: 'officer-new',
        reference,
        recipient: officer,
        data: { type, receivedAt, dueAt },
      }),
    ),
  ];
}

/** The requester learns of each change the officer makes, with the recourse to the Commission where it applies. */
export function statusMessage(reference: string, email: string, data: StatusData): OutboxMessage {
  return { id: newMessageId(), kind: 'status', reference, recipient: email, data };
}

/**
 * The officers' daily digest: open requests overdue or due within 7 days, by due date; nothing when there are none.
 * One message per officer and day (its id says which), however often it is asked for.
 */
export async function digestMessages(
  settings: MailSettings,
  open: ListedRequest[],
  now: Date,
  head?: string,
): Promise<OutboxMessage[]> {
  const soonLimit = new Date(now.getTime() + 7 * DAY).toISOString();
  const rows = open
    .filter((r) => !r.closedAt && r.dueAt <= soonLimit)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    .map(({ reference, type, dueAt }) => ({ reference, type, dueAt }));
  if (!rows.length) return [];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto' }).format(now);
  return Promise.all(
    settings.officers.map(async (officer) => ({
      id: `digest-${today}-${(await sha256(`digest:${officer}`)).slice(0, 16)}`,
      kind: 'digest' as const,
      reference: null,
      recipient: officer,
      data: { at: now.toISOString(), rows, ...(head ? { head } : {}) },
    })),
  );
}

/**
 * Writes a kept message out, in its language, from the deployment's settings of the moment it leaves. The receipt's
 * confirmation code is made then too (function/mail/confirmation.ts), so no table holds it.
 */
export function render(
  settings: MailSettings,
  message: Pick<OutboxMessage, 'reference'> & MessageData,
  confirmCode?: string,
): Rendered {
  const reference = message.reference ?? '';
  const o = settings.officerLang;
  const signature = (lang: Lang) => t(lang, 'signature', { organisation: settings.organisation });
  const inbox = { label: t(o, 'officer.open'), href: `${settings.portal}${INBOX[o]}` };
  switch (message.kind) {
    case 'filed': {
      const d = message.data;
      const lang = d.lang;
      if (!confirmCode) throw new Error('A receipt is written with its confirmation code.');
      const confirm = `${settings.portal}${d.statusPath}&confirm=${confirmCode}`;
      return rendered(lang, t(lang, 'filed.subject', { reference }), [
        t(lang, 'hello'),
        t(lang, 'filed.intro', { type: typeIn(d.type, lang), received: day(d.receivedAt, lang), reference }),
        t(lang, 'filed.due', { due: day(d.dueAt, lang) }),
        { label: t(lang, 'filed.status'), href: `${settings.portal}${d.statusPath}` },
        t(lang, 'filed.keep'),
        { label: t(lang, 'filed.confirm'), href: confirm },
        t(lang, 'filed.confirmWhy'),
        t(lang, 'filed.next'),
        t(lang, 'filed.notYou'),
        signature(lang),
      ]);
    }
    case 'officer-new': {
      const d = message.data;
      return rendered(o, t(o, 'officer.subject', { reference }), [
        t(o, 'officer.intro'),
        {
          list: [
            `${t(o, 'officer.reference')}${COLON[o]}${reference}`,
            `${t(o, 'officer.type')}${COLON[o]}${typeIn(d.type, o)}`,
            `${t(o, 'officer.received')}${COLON[o]}${day(d.receivedAt, o)}`,
            `${t(o, 'officer.due')}${COLON[o]}${day(d.dueAt, o)}`,
          ],
        },
        inbox,
        t(o, 'officer.none'),
      ]);
    }
    case 'status': {
      const d = message.data;
      const lang = d.lang;
      const status = statusNames[lang][d.status];
      return rendered(lang, t(lang, 'status.subject', { reference, status }), [
        t(lang, 'hello'),
        t(lang, 'status.intro', { reference, type: typeIn(d.type, lang), status: status.toLowerCase() }),
        t(lang, `status.${d.status}`),
        ...(d.closed ? [] : [t(lang, 'status.due', { due: day(d.dueAt, lang) })]),
        t(lang, 'status.follow'),
        signature(lang),
      ]);
    }
    case 'digest': {
      const { at, rows } = message.data;
      const row = (r: DigestData['rows'][number]) =>
        t(o, 'digest.row', { reference: r.reference, type: typeIn(r.type, o), due: day(r.dueAt, o) });
      const overdue = rows.filter((r) => r.dueAt < at);
      const soon = rows.filter((r) => r.dueAt >= at);
      return rendered(o, t(o, 'digest.subject', { overdue: overdue.length, soon: soon.length }), [
        t(o, 'digest.intro'),
        ...(overdue.length ? [{ title: t(o, 'digest.overdue'), list: overdue.map(row) }] : []),
        ...(soon.length ? [{ title: t(o, 'digest.soon'), list: soon.map(row) }] : []),
        inbox,
        ...(message.data.head ? [t(o, 'digest.chain', { head: message.data.head })] : []),
        t(o, 'officer.none'),
      ]);
    }
  }
}
