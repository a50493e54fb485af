// The inbox's other sections: retention (delete what policy §10 allows, after confirmation), the consent overview
// (a chart drawn here and the same figures as a table) and the audit log with a filter and an export.
import type { ClientResponse } from 'hono/client';
import { useEffect, useState } from 'preact/hooks';
import { headText } from '../../shared/audit-head.ts';
import { fill, plural } from '../../shared/fill.ts';
import { type Answer, api, auditCsvHref, problemOf } from './officer-api.ts';
import { Head } from './Head.tsx';
import type { OfficerWords } from './words.ts';

interface ViewProps {
  lang: 'fr' | 'en';
  words: OfficerWords;
  onSignedOut: () => void;
}

/** Reads the inbox API (`api.audit.$get`…); a session that ended sends the officer back to sign-in. */
function useApi<F extends () => Promise<ClientResponse<unknown>>>(load: F, onSignedOut: () => void, version = 0) {
  const [data, setData] = useState<Answer<F> | null>(null);
  useEffect(() => {
    void load().then(async (r) => {
      if (r.status === 401) return onSignedOut();
      // A success is the route's answer for status 200, which `Answer` names.
      if (r.ok) setData((await r.json()) as Answer<F>);
    });
  }, [version]);
  return data;
}

const momentOf = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(`${lang}-CA`, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/Toronto',
  }).format(new Date(iso));
const dayOf = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'medium', timeZone: 'America/Toronto' }).format(new Date(iso));

export function RetentionView({ lang, words: w, onSignedOut }: ViewProps) {
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState<number | null>(null);
  const data = useApi(api.retention.$get, onSignedOut, version);
  const remove = async (event: Event) => {
    event.preventDefault();
    const references = new FormData(event.currentTarget as HTMLFormElement).getAll('reference').map(String);
    if (!references.length) return;
    const response = await api.purge.$post({ json: { references } });
    if (response.status === 401) return onSignedOut();
    setDone(response.ok ? (await response.json()).deleted.length : 0);
    setVersion((v) => v + 1);
  };
  if (!data) return <p role="status">{w['officer.working']}</p>;
  return (
    <section aria-labelledby="retention-title">
      <h2 id="retention-title">{w['officer.view.retention']}</h2>
      <p>{fill(w['officer.retention.intro'], { years: data.years })}</p>
      {done !== null && (
        <p role="status" class="notice">
          {plural(lang, done, { one: w['officer.retention.done.one'], other: w['officer.retention.done.other'] })}
        </p>
      )}
      {data.eligible.length === 0 ? (
        <p>{w['officer.retention.none']}</p>
      ) : (
        <form onSubmit={remove} class="request-form">
          <ul class="plain-list">
            {data.eligible.map((r) => (
              <li key={r.reference}>
                <label class="check">
                  <input type="checkbox" name="reference" value={r.reference} />{' '}
                  {fill(w['officer.retention.pick'], { reference: r.reference })} (
                  {w.statuses[r.status as keyof typeof w.statuses] ?? r.status}, {dayOf(r.closedAt ?? r.dueAt, lang)})
                </label>
              </li>
            ))}
          </ul>
          <p>
            <label class="check">
              <input type="checkbox" name="confirm" required /> {w['officer.retention.confirm']}
            </label>
          </p>
          <p>
            <button type="submit">{w['officer.retention.delete']}</button>
          </p>
        </form>
      )}
    </section>
  );
}

/** Bars drawn in SVG for the eye; the table below says the same for screen readers and in print. */
export function ConsentView({ lang, words: w, onSignedOut }: ViewProps) {
  const data = useApi(api.consents.$get, onSignedOut);
  if (!data) return <p role="status">{w['officer.working']}</p>;
  const weeks = data.weeks.slice(-26);
  const most = Math.max(1, ...weeks.map((x) => x.decisions));
  const share = (n: number) => (data.total ? Math.round((n / data.total) * 100) : 0);
  const percent = new Intl.NumberFormat(`${lang}-CA`, { style: 'percent' });
  const bar = 16;
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{w['officer.view.consents']}</h2>
      <p>{w['officer.consents.intro']}</p>
      <p>
        {plural(lang, data.total, { one: w['officer.consents.total.one'], other: w['officer.consents.total.other'] })}
      </p>
      <h3 id="weeks-title">{w['officer.consents.weeks']}</h3>
      {weeks.length > 0 && (
        <svg
          class="chart"
          viewBox={`0 0 ${weeks.length * bar} 100`}
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          {weeks.map((x, i) => {
            const height = (x.decisions / most) * 96;
            return <rect key={x.week} x={i * bar + 2} y={100 - height} width={bar - 4} height={height} />;
          })}
        </svg>
      )}
      <table class="officer-table" aria-labelledby="weeks-title">
        <Head columns={[w['officer.consents.week'], w['officer.consents.decisions']]} />
        <tbody>
          {weeks.map((x) => (
            <tr key={x.week}>
              <td data-label={w['officer.consents.week']}>{dayOf(`${x.week}T12:00:00Z`, lang)}</td>
              <td data-label={w['officer.consents.decisions']}>{x.decisions}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 id="categories-title">{w['officer.consents.categories']}</h3>
      <table class="officer-table" aria-labelledby="categories-title">
        <Head columns={[w['officer.consents.category'], w['officer.consents.accepted']]} />
        <tbody>
          {data.categories.map((c) => (
            <tr key={c.id}>
              <th scope="row">{w.categories[c.id] ?? c.id}</th>
              <td data-label={w['officer.consents.accepted']}>
                <meter min={0} max={100} value={share(c.accepted)} aria-hidden="true" />{' '}
                {percent.format(share(c.accepted) / 100)} ({c.accepted})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The journal's filters, as the form holds them and the API takes them (days as YYYY-MM-DD, `to` included). */
const NO_FILTER = { reference: '', action: '', operator: '', from: '', to: '' };

export function AuditView({ lang, words: w, onSignedOut }: ViewProps) {
  const [asked, setAsked] = useState(NO_FILTER);
  /** Where each page visited starts: the server's `next` (an entry's number) of the newer page before it. */
  const [starts, setStarts] = useState<number[]>([0]);
  const [page, setPage] = useState<Answer<typeof api.audit.$get> | null>(null);
  const [refused, setRefused] = useState(false);
  const before = starts.at(-1) ?? 0;
  useEffect(() => {
    let live = true;
    void api.audit.$get({ query: { ...asked, before: String(before), size: '100' } }).then(async (r) => {
      if (r.status === 401) return onSignedOut();
      if (!live) return;
      setRefused(!r.ok);
      if (r.ok) setPage(await r.json());
    });
    return () => {
      live = false;
    };
  }, [asked, before]);
  const [chain, setChain] = useState<Answer<(typeof api.audit.verify)['$get']> | null>(null);
  const verify = async () => {
    const response = await api.audit.verify.$get();
    if (response.status === 401) return onSignedOut();
    if (response.ok) setChain(await response.json());
  };
  /** The filters sent as they stand in the form; the journal starts again from its newest entry. */
  const search = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const field = (name: keyof typeof NO_FILTER) => String(form.get(name) ?? '').trim();
    setAsked({
      reference: field('reference').toUpperCase(),
      action: field('action').toLowerCase(),
      operator: field('operator'),
      from: field('from'),
      to: field('to'),
    });
    setStarts([0]);
  };
  // The CSV is the server's, streamed, as filtered here; notes are left out (sealed, they open with their request).
  const file = auditCsvHref(asked);
  if (!page && !refused) return <p role="status">{w['officer.working']}</p>;
  const when = (iso: string) => momentOf(iso, lang);
  const shown = page?.rows ?? [];
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{w['officer.view.audit']}</h2>
      <form class="compare-form panel" onSubmit={search}>
        {(
          [
            ['reference', w['officer.col.reference'], 'text'],
            ['action', w['officer.history.action'], 'text'],
            ['operator', w['officer.history.who'], 'text'],
            ['from', w['officer.audit.from'], 'date'],
            ['to', w['officer.audit.to'], 'date'],
          ] as const
        ).map(([name, label, type]) => (
          <div key={name}>
            <label for={`audit-${name}`}>{label}</label>
            <input id={`audit-${name}`} name={name} type={type} defaultValue={asked[name]} autocomplete="off" />
          </div>
        ))}
        <button type="submit">{w['officer.audit.filter']}</button>
        <a href={file} download="audit.csv">
          {w['officer.audit.export']}
        </a>
        <button type="button" onClick={() => void verify()}>
          {w['officer.audit.verify']}
        </button>
      </form>
      {refused && (
        <p role="alert" class="notice">
          {w['officer.audit.refused']}
        </p>
      )}
      {chain && (
        <p role={chain.brokenAt ? 'alert' : 'status'} class="notice" data-chain={chain.brokenAt ? 'broken' : 'holds'}>
          {chain.brokenAt
            ? fill(w['officer.audit.broken'], {
                id: chain.brokenAt.id,
                at: when(chain.brokenAt.at),
                action: chain.brokenAt.action,
              })
            : fill(w['officer.audit.holds'], {
                count: chain.entries,
                head: headText(chain.head),
              })}
        </p>
      )}
      <table class="officer-table" aria-labelledby="audit-title">
        <Head
          columns={[
            w['officer.history.at'],
            w['officer.col.reference'],
            w['officer.history.action'],
            w['officer.history.who'],
          ]}
        />
        <tbody>
          {shown.map((e) => (
            <tr key={e.id}>
              <td data-label={w['officer.history.at']}>{when(e.at)}</td>
              <td data-label={w['officer.col.reference']}>{e.reference ?? '—'}</td>
              <td data-label={w['officer.history.action']}>{e.action}</td>
              <td data-label={w['officer.history.who']}>{e.operator}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(starts.length > 1 || page?.next) && (
        <p class="doc-links">
          <button type="button" disabled={starts.length === 1} onClick={() => setStarts(starts.slice(0, -1))}>
            {w['officer.audit.newer']}
          </button>
          <button type="button" disabled={!page?.next} onClick={() => page?.next && setStarts([...starts, page.next])}>
            {w['officer.audit.older']}
          </button>
        </p>
      )}
    </section>
  );
}

/** Who has access: invite another officer (a one-time code shown once) and revoke one, each in the audit log. */
export function OfficersView({ lang, words: w, onSignedOut }: ViewProps) {
  const [version, setVersion] = useState(0);
  const [invited, setInvited] = useState<{ name: string; code: string } | null>(null);
  const [refused, setRefused] = useState<'confirm' | 'last' | 'other' | null>(null);
  const officers = useApi(api.officers.$get, onSignedOut, version);
  /** Sends a change; a refusal is said in words (a failed passkey confirmation, the last officer, anything else). */
  const said = async <R extends Response>(response: R) => {
    if (response.status === 401) onSignedOut();
    const error = await problemOf(response);
    setRefused(error === null ? null : error === 'confirm' ? 'confirm' : error === 'last-officer' ? 'last' : 'other');
    return response;
  };
  const invite = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    const response = await said(await api.invitations.$post({ json: { name } }));
    if (!response.ok) return;
    setInvited({ name, code: (await response.json()).code });
    form.reset();
  };
  const revoke = async (id: string) => {
    await said(await api.officers[':id'].revoke.$post({ param: { id } }));
    setVersion((v) => v + 1);
  };
  if (!officers) return <p role="status">{w['officer.working']}</p>;
  return (
    <section aria-labelledby="officers-title">
      <h2 id="officers-title">{w['officer.view.officers']}</h2>
      <p>{w['officer.officers.intro']}</p>
      {refused && (
        <p class="notice" role="alert">
          {w[refused === 'confirm' ? 'officer.confirm.failed' : (`officer.officers.refused.${refused}` as const)]}
        </p>
      )}
      <ul class="plain-list">
        {officers.map((o) => (
          <li key={o.id}>
            <strong>{o.name}</strong> {o.self ? w['officer.officers.you'] : ''} —{' '}
            {o.revokedAt
              ? fill(w['officer.officers.revoked'], { date: dayOf(o.revokedAt, lang) })
              : fill(w['officer.officers.since'], { date: dayOf(o.createdAt, lang) })}
            {!o.revokedAt && !o.self && (
              <>
                {' '}
                <button type="button" onClick={() => void revoke(o.id)}>
                  {fill(w['officer.officers.revoke'], { name: o.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <form class="compare-form panel" onSubmit={invite}>
        <div>
          <label for="invite-name">{w['officer.officers.name']}</label>
          <input id="invite-name" name="name" type="text" required maxLength={80} autocomplete="off" />
        </div>
        <button type="submit">{w['officer.officers.invite']}</button>
      </form>
      {invited && (
        <p role="status" class="notice">
          {fill(w['officer.officers.code'], invited)}
        </p>
      )}
    </section>
  );
}

/** E-mails the outbox has not delivered: still being tried, or given up and ready to be sent again. */
export function MailView({ lang, words: w, onSignedOut }: ViewProps) {
  const [version, setVersion] = useState(0);
  const [retried, setRetried] = useState(false);
  const data = useApi(api.outbox.$get, onSignedOut, version);
  const retry = async (id: string) => {
    const response = await api.outbox[':id'].retry.$post({ param: { id } });
    if (response.status === 401) return onSignedOut();
    setRetried(response.ok);
    setVersion((v) => v + 1);
  };
  if (!data) return <p role="status">{w['officer.working']}</p>;
  const when = (iso: string) => momentOf(iso, lang);
  return (
    <section aria-labelledby="mail-title">
      <h2 id="mail-title">{w['officer.view.mail']}</h2>
      <p>{w['officer.mail.intro']}</p>
      {retried && (
        <p role="status" class="notice">
          {w['officer.mail.retried']}
        </p>
      )}
      {data.length === 0 ? (
        <p>{w['officer.mail.none']}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways must be reachable by keyboard.
        <section class="table-scroll" aria-labelledby="mail-title" tabIndex={0}>
          <table class="officer-table">
            <Head
              columns={[
                w['officer.mail.kind'],
                w['officer.mail.reference'],
                w['officer.mail.state'],
                w['officer.mail.error'],
                w['officer.mail.action'],
              ]}
            />
            <tbody>
              {data.map((m) => (
                <tr key={m.id} data-mail={m.state}>
                  <th scope="row">{w[`officer.mail.kind.${m.kind}`]}</th>
                  <td data-label={w['officer.mail.reference']}>{m.reference ?? '—'}</td>
                  <td data-label={w['officer.mail.state']}>
                    {fill(w[m.state === 'failed' ? 'officer.mail.failed' : 'officer.mail.pending'], {
                      attempts: m.attempts,
                      date: when(m.nextAt),
                    })}
                  </td>
                  <td data-label={w['officer.mail.error']}>{m.lastError ?? '—'}</td>
                  <td>
                    {m.state === 'failed' && (
                      <button type="button" onClick={() => void retry(m.id)}>
                        {w['officer.mail.retry']}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}

/** The last cookie scan recorded (npm run scan, then scan-record): breaches first, then what is undeclared. */
export function ScanView({ lang, words: w, onSignedOut }: ViewProps) {
  const data = useApi(api.scan.$get, onSignedOut);
  if (!data) return <p role="status">{w['officer.working']}</p>;
  const scan = data.last?.summary;
  const when = (passes: string[]) =>
    passes
      .map((p) =>
        p.startsWith('accepted:')
          ? fill(w['officer.scan.pass.accepted'], { category: w.categories[p.slice(9)] ?? p.slice(9) })
          : ((w[`officer.scan.pass.${p}` as keyof OfficerWords] as string | undefined) ?? p),
      )
      .join(' ; ');
  const monthOld = scan && Date.now() - Date.parse(scan.finishedAt) > 31 * 86_400_000;
  return (
    <section aria-labelledby="scan-title">
      <h2 id="scan-title">{w['officer.view.scan']}</h2>
      <p>{w['officer.scan.intro']}</p>
      {!scan ? (
        <p>{w['officer.scan.none']}</p>
      ) : (
        <>
          <p>
            {fill(w['officer.scan.when'], {
              date: momentOf(scan.finishedAt, lang),
              sites: scan.sites.length,
              pages: scan.sites.reduce((n, s) => n + s.pages, 0),
              revision: scan.revision,
            })}
          </p>
          {monthOld && <p class="notice">{w['officer.scan.old']}</p>}
          <p class={scan.counts.breaches ? 'notice' : undefined}>
            <strong>
              {scan.counts.breaches
                ? plural(lang, scan.counts.breaches, {
                    one: w['officer.scan.breaches.one'],
                    other: w['officer.scan.breaches.other'],
                  })
                : w['officer.scan.clean']}
            </strong>
          </p>
          {scan.breaches.length > 0 && (
            <>
              <h3 id="scan-breaches">{w['officer.scan.breaches']}</h3>
              <table class="officer-table" aria-labelledby="scan-breaches">
                <Head
                  columns={[
                    w['officer.scan.what'],
                    w['officer.scan.name'],
                    w['officer.scan.service'],
                    w['officer.scan.whenSeen'],
                    w['officer.scan.pages'],
                  ]}
                />
                <tbody>
                  {scan.breaches.map((b) => (
                    <tr key={`${b.site} ${b.what} ${b.name}`}>
                      <td data-label={w['officer.scan.what']}>{w[`officer.scan.what.${b.what}`]}</td>
                      <th scope="row">
                        <code>{b.name}</code>
                      </th>
                      <td data-label={w['officer.scan.service']}>
                        {b.service} ({w.categories[b.category] ?? b.category})
                      </td>
                      <td data-label={w['officer.scan.whenSeen']}>{when(b.passes)}</td>
                      <td data-label={w['officer.scan.pages']}>
                        {b.pages.map((p) => (
                          <div key={p}>{p}</div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {scan.undeclared.length > 0 && (
            <>
              <h3 id="scan-undeclared">{w['officer.scan.undeclared']}</h3>
              <table class="officer-table" aria-labelledby="scan-undeclared">
                <Head
                  columns={[
                    w['officer.scan.what'],
                    w['officer.scan.name'],
                    w['officer.scan.withoutConsent'],
                    w['officer.scan.site'],
                  ]}
                />
                <tbody>
                  {scan.undeclared.map((u) => (
                    <tr key={`${u.site} ${u.what} ${u.name}`}>
                      <td data-label={w['officer.scan.what']}>{w[`officer.scan.what.${u.what}`]}</td>
                      <th scope="row">
                        <code>{u.name}</code>
                      </th>
                      <td data-label={w['officer.scan.withoutConsent']}>
                        {u.withoutConsent ? w['officer.scan.yes'] : w['officer.scan.no']}
                      </td>
                      <td data-label={w['officer.scan.site']}>{u.site}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <p>
            {fill(w['officer.scan.others'], {
              lifetimes: scan.counts.lifetimes,
              missing: scan.counts.withoutWidget,
              never: scan.counts.neverSeen,
            })}
          </p>
        </>
      )}
      <h3 id="scan-how">{w['officer.scan.how']}</h3>
      <p>{w['officer.scan.howText']}</p>
      <div class="prose">
        <pre>
          <code>
            {
              'npm run scan -- https://www.example.org/ --fail-on breach\nnpm run officer -- scan-record scan-report/report.json'
            }
          </code>
        </pre>
      </div>
    </section>
  );
}
