// One request in the officer's inbox, opened on this device: its fields decrypted here, its history with notes,
// the next states it may take (a note sealed here before it leaves), and its export for portability.
import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../shared/fill.ts';
import { STATUSES } from '../../shared/request-values.ts';
import { exportText } from '../../shared/request-export.ts';
import { type OpeningKeys, open, seal } from '../../shared/crypto/sealed.ts';
import { noteContext, openHistory, UNREADABLE_NOTE } from '../../shared/sealed-request.ts';
import { type Answer, api } from './officer-api.ts';
import { clockOf } from './officer-clock.ts';
import { Head } from './Head.tsx';
import type { OfficerWords } from './words.ts';

interface Props {
  reference: string;
  lang: 'fr' | 'en';
  words: OfficerWords;
  /** The keys this device opens requests with. */
  keys: OpeningKeys;
  /** Who signs the replies. */
  officerName: string;
  /** Today's readers: a note is sealed for them, like the request. */
  recipients: string[];
  onBack: () => void;
  onSignedOut: () => void;
}

interface Entry {
  at: string;
  action: string;
  operator: string;
  detail: string | null;
}
/** One request as the API gives it: sealed, with its sealed notes beside its history. */
type Stored = Answer<(typeof api.requests)[':reference']['$get']>;
/** The same, opened on this device: its personal fields, and its history with the notes in words. */
type Opened = Omit<Stored, 'sealed' | 'notes' | 'history'> & { personal: Record<string, unknown>; history: Entry[] };

const UNREADABLE = '—';

export function OfficerRequest({
  reference,
  lang,
  words: w,
  keys,
  officerName,
  recipients,
  onBack,
  onSignedOut,
}: Props) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [problem, setProblem] = useState<'unreadable' | 'refused' | 'confirm' | null>(null);
  const [saving, setSaving] = useState(false);
  const [copied, setCopied] = useState(false);
  const [notified, setNotified] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  /** After a change, focus stays in the same place: the section's heading, whatever the form now offers. */
  const changeHeading = useRef<HTMLHeadingElement>(null);

  const load = async () => {
    const response = await api.requests[':reference'].$get({ param: { reference } });
    if (response.status === 401) return onSignedOut();
    if (!response.ok) return setProblem('refused');
    const { sealed, notes, ...raw } = await response.json();
    try {
      const personal = await open<Record<string, unknown>>(sealed, keys, reference);
      // A note that does not open is shown as such and never blocks the request.
      const history = (await openHistory(raw.history, notes, keys, reference)).map((e) =>
        e.detail === UNREADABLE_NOTE ? { ...e, detail: UNREADABLE } : e,
      );
      setOpened({ ...raw, personal, history });
    } catch {
      setProblem('unreadable');
    }
  };
  useEffect(() => {
    void load().then(() => heading.current?.focus());
  }, [reference]);

  const change = async (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = String(data.get('note') ?? '').trim();
    const status = STATUSES.find((s) => s === data.get('status'));
    if (!status || !opened) return;
    setSaving(true);
    const note = text
      ? { id: crypto.randomUUID(), sealed: await seal(text, recipients, noteContext(reference)) }
      : null;
    // The server cannot read the address: this device hands it over, to be kept until the message leaves.
    const email = opened.personal['email'];
    const notify =
      data.get('notify') && typeof email === 'string'
        ? { email, lang: opened.personal['language'] === 'en' ? ('en' as const) : ('fr' as const) }
        : null;
    const response = await api.requests[':reference'].status.$post({
      param: { reference },
      // Compare-and-set: the change is made from the status shown here, or refused if someone changed it meanwhile.
      json: { status, from: opened.status, note, notify },
    });
    setSaving(false);
    if (response.status === 401) return onSignedOut();
    setProblem(response.ok ? null : 'refused');
    setNotified(response.ok && (await response.json()).notified);
    (event.target as HTMLFormElement).reset();
    await load();
    changeHeading.current?.focus();
  };

  /**
   * The file is made here, from what this device decrypted; the server records the export first (and may ask for the
   * passkey again), so that no export leaves without its line in the audit log.
   */
  const download = async (format: 'json' | 'csv') => {
    if (!opened) return;
    const response = await api.requests[':reference'].exported.$post({ param: { reference }, json: { format } });
    if (response.status === 401) return onSignedOut();
    if (!response.ok) return setProblem('confirm');
    setProblem(null);
    const type = format === 'json' ? 'application/json' : 'text/csv';
    const url = URL.createObjectURL(
      new Blob([exportText(opened, opened.personal, opened.history, format, new Date())], {
        type: `${type};charset=utf-8`,
      }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `${reference}.${format}`;
    link.click();
    // The address holds the request in clear: gone once the browser has taken the file.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const title = fill(w['officer.request'], { reference });
  if (problem === 'unreadable')
    return (
      <section aria-labelledby="request-title">
        <h2 id="request-title" tabIndex={-1} ref={heading}>
          {title}
        </h2>
        <p class="notice" role="alert">
          {w['officer.unreadable']}
        </p>
        <p>
          <button type="button" onClick={onBack}>
            {w['officer.back']}
          </button>
        </p>
      </section>
    );
  if (!opened) return <p role="status">{w['officer.working']}</p>;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(`${lang}-CA`, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'America/Toronto',
    }).format(new Date(iso));
  const value = (field: string, raw: unknown) =>
    raw == null || raw === '' ? '—' : (w.values[`${field}:${String(raw)}`] ?? String(raw));
  const clock = clockOf(opened.dueAt, opened.closedAt, new Date());
  const replyLang = opened.personal['language'] === 'en' ? 'en' : 'fr';
  const longDay = (iso: string) =>
    new Intl.DateTimeFormat(`${replyLang}-CA`, { dateStyle: 'long', timeZone: 'America/Toronto' }).format(
      new Date(iso),
    );
  const reply = fill(w.replies[replyLang][opened.status as keyof (typeof w.replies)['fr']] ?? '', {
    name: String(opened.personal['name'] ?? ''),
    reference,
    type: w.typesIn[replyLang][opened.type as keyof (typeof w.typesIn)['fr']] ?? opened.type,
    received: longDay(opened.receivedAt),
    due: longDay(opened.dueAt),
    officer: officerName,
  });
  return (
    <section aria-labelledby="request-title" class="officer-request">
      <p>
        <button type="button" onClick={onBack}>
          {w['officer.back']}
        </button>
      </p>
      <h2 id="request-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <dl class="status-list">
        <dt>{w['officer.col.type']}</dt>
        <dd>{w.types[opened.type as keyof typeof w.types] ?? opened.type}</dd>
        <dt>{w['officer.col.status']}</dt>
        <dd data-status={opened.status}>{w.statuses[opened.status as keyof typeof w.statuses] ?? opened.status}</dd>
        <dt>{w['officer.col.received']}</dt>
        <dd>{day(opened.receivedAt)}</dd>
        <dt>{w['officer.col.due']}</dt>
        <dd>
          {day(opened.dueAt)}{' '}
          <span class="clock" data-clock={clock.kind}>
            {clock.kind === 'closed' ? w['officer.clock.closed'] : ''}
          </span>
        </dd>
        {Object.entries(w.fields).map(([field, label]) => (
          <Fragment key={field}>
            <dt>{label}</dt>
            <dd data-field={field}>{value(field, opened.personal[field])}</dd>
          </Fragment>
        ))}
        <dt>{w['officer.email.confirmed']}</dt>
        <dd data-email-confirmed={opened.emailConfirmedAt ? 'yes' : 'no'}>
          {opened.emailConfirmedAt
            ? fill(w['officer.email.yes'], { date: day(opened.emailConfirmedAt) })
            : w['officer.email.no']}
        </dd>
      </dl>
      {/* Private-sector Act, s. 32: 30 days, and no extension (unlike the federal PIPEDA's s. 8(4)). */}
      {clock.kind !== 'closed' && <p class="hint">{w['officer.clock.law']}</p>}
      {notified && (
        <p class="notice" role="status">
          {w['officer.notified']}
        </p>
      )}
      {problem === 'refused' && (
        <p class="notice" role="alert">
          {w['officer.change.refused']}
        </p>
      )}
      <h3 tabIndex={-1} ref={changeHeading}>
        {w['officer.change']}
      </h3>
      {opened.next.length === 0 ? (
        <p>{w['officer.change.closed']}</p>
      ) : (
        <form class="request-form" onSubmit={change}>
          <div class="field">
            <label for="next-status">{w['officer.change.to']}</label>
            <select id="next-status" name="status" required>
              {opened.next.map((s) => (
                <option key={s} value={s}>
                  {w.statuses[s as keyof typeof w.statuses] ?? s}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="status-note">{w['officer.change.note']}</label>
            <textarea id="status-note" name="note" rows={3} maxLength={2000} />
          </div>
          {typeof opened.personal['email'] === 'string' && (
            <p>
              <label class="check">
                <input type="checkbox" name="notify" defaultChecked />{' '}
                {fill(w['officer.notify'], { email: opened.personal['email'] })}
              </label>
            </p>
          )}
          <p>
            <button type="submit" disabled={saving}>
              {saving ? w['officer.working'] : w['officer.change.save']}
            </button>
          </p>
        </form>
      )}
      <h3 id="reply-title">{w['officer.reply']}</h3>
      <textarea class="reply" readOnly rows={12} aria-labelledby="reply-title" lang={replyLang} value={reply} />
      <p>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard?.writeText(reply).then(
              () => setCopied(true),
              () => setCopied(false),
            )
          }
        >
          {w['officer.reply.copy']}
        </button>{' '}
        <span role="status">{copied ? w['officer.reply.copied'] : ''}</span>
      </p>
      <h3>{w['officer.export']}</h3>
      {problem === 'confirm' && (
        <p class="notice" role="alert">
          {w['officer.confirm.failed']}
        </p>
      )}
      <p class="doc-links">
        <button type="button" onClick={() => void download('json')}>
          {w['officer.export.json']}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {w['officer.export.csv']}
        </button>
      </p>
      <h3 id="history-title">{w['officer.history']}</h3>
      <table class="officer-table" aria-labelledby="history-title">
        <Head
          columns={[
            w['officer.history.at'],
            w['officer.history.action'],
            w['officer.history.who'],
            w['officer.history.note'],
          ]}
        />
        <tbody>
          {opened.history.map((e, i) => (
            <tr key={i}>
              <td data-label={w['officer.history.at']}>{day(e.at)}</td>
              <td data-label={w['officer.history.action']}>
                {e.action.startsWith('status:')
                  ? `→ ${w.statuses[e.action.slice(7) as keyof typeof w.statuses] ?? e.action}`
                  : e.action}
              </td>
              <td data-label={w['officer.history.who']}>{e.operator}</td>
              <td data-label={w['officer.history.note']}>{e.detail ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
