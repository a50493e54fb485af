// The privacy officer's inbox: passkey sign-in (or enrolment with an invitation code), then the requests by due date
// with their legal clock. Personal fields stay sealed here; they are opened one request at a time, on the device.
import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill, plural } from '../../shared/fill.ts';
import { REQUEST_TYPES, STATUSES } from '../../shared/request-values.ts';
import { clockOf } from './officer-clock.ts';
import { type Answer, api } from './officer-api.ts';
import type { DeviceKeys } from './officer-key.ts';
import { Head } from './Head.tsx';
import type { OfficerWords } from './words.ts';

interface Props {
  lang: 'fr' | 'en';
  words: OfficerWords;
}

/** Who requests are sealed for today (`api.keys`). */
export type Readers = Answer<typeof api.keys.$get>;

/** A request as the list shows it: no personal field. */
export type Listed = Answer<typeof api.requests.$get>['rows'][number];

type ErrorKey = 'invitation' | 'signin' | 'cancelled' | 'rate' | 'network' | 'signedOut';
type State = { kind: 'loading' } | { kind: 'signed-out'; error?: ErrorKey } | { kind: 'signed-in'; name: string };

const PAGE = 100;

/** The signed-in parts (signed-in.ts), loaded with the session before anything signed in is drawn. */
let parts: typeof import('./signed-in.ts') | undefined;

class Refused extends Error {
  readonly key: ErrorKey;
  constructor(key: ErrorKey) {
    super(key);
    this.key = key;
  }
}
const refusal = (response: Response, fallback: ErrorKey): Refused =>
  new Refused(response.status === 429 ? 'rate' : response.status === 401 ? 'signedOut' : fallback);
/** A browser that refuses or times out the ceremony throws a DOMException (NotAllowedError, AbortError…). */
const errorKey = (error: unknown, fallback: ErrorKey): ErrorKey =>
  error instanceof Refused
    ? error.key
    : error instanceof DOMException
      ? 'cancelled'
      : error instanceof TypeError
        ? 'network'
        : fallback;

const day = (iso: string, lang: string) =>
  new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'medium', timeZone: 'America/Toronto' }).format(new Date(iso));

/** One filter of the list: a labelled choice among values. */
function Filter(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onPick: (value: string) => void;
}) {
  return (
    <div>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onPick((e.target as HTMLSelectElement).value)}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function OfficerApp({ lang, words: w }: Props) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('open');
  const [type, setType] = useState('');
  /** Where each page visited starts (the server's `next` of the one before): Back returns, Next goes one further. */
  const [starts, setStarts] = useState<string[]>(['']);
  const after = starts.at(-1) ?? '';
  /** Today's readers, as the server seals for them, and the officers' keys. */
  const [readers, setReaders] = useState<Readers | null>(null);
  const [deviceKeys, setDeviceKeys] = useState<DeviceKeys>({ device: null, legacy: null });
  /** One page of the list, as the server sorted and filtered it; `tick` asks for it again. */
  const [list, setList] = useState<{ total: number; rows: Listed[]; next: string | null } | null>(null);
  const [tick, setTick] = useState(0);
  const [opened, setOpened] = useState<string | null>(null);
  const [view, setView] = useState<'requests' | 'retention' | 'consents' | 'scan' | 'audit' | 'mail' | 'officers'>(
    'requests',
  );
  const heading = useRef<HTMLHeadingElement>(null);
  const table = useRef<HTMLElement>(null);
  /** The request just closed: back in the list, focus returns to its row, where the officer left off. */
  const returnTo = useRef<string | null>(null);
  const alert = useRef<HTMLParagraphElement>(null);
  /** After "Se déconnecter", focus goes to the sign-in heading, not to the top of the page. */
  const signedOutHere = useRef(false);
  const signinHeading = useRef<HTMLHeadingElement>(null);

  const load = async (error?: ErrorKey) => {
    try {
      const me = await api.session.$get();
      if (!me.ok) throw refusal(me, 'network');
      const session = await me.json();
      if (!session.signedIn) return setState({ kind: 'signed-out', ...(error ? { error } : {}) });
      const name = session.name;
      const keys = await api.keys.$get();
      if (!keys.ok) throw refusal(keys, 'network');
      setReaders(await keys.json());
      parts ??= await import('./signed-in.ts').catch(() => {
        throw new Refused('network');
      });
      setDeviceKeys(await parts.storedKeys().catch(() => ({ device: null, legacy: null })));
      setState({ kind: 'signed-in', name });
      setTick((n) => n + 1);
    } catch (e) {
      setState({ kind: 'signed-out', error: errorKey(e, 'network') });
    }
  };
  useEffect(() => void load(), []);
  useEffect(() => {
    if (state.kind === 'signed-in') heading.current?.focus();
    if (state.kind === 'signed-out' && state.error) alert.current?.focus();
    else if (state.kind === 'signed-out' && signedOutHere.current) {
      signedOutHere.current = false;
      signinHeading.current?.focus();
    }
  }, [state.kind, state.kind === 'signed-out' ? state.error : undefined]);

  useEffect(() => {
    const reference = returnTo.current;
    if (opened || !reference || !list) return;
    returnTo.current = null;
    const row = table.current?.querySelector<HTMLElement>(`tr[data-reference="${reference}"] button`);
    (row ?? heading.current)?.focus();
  }, [opened, list]);

  const ceremony = async (work: () => Promise<void>, fallback: ErrorKey) => {
    setBusy(true);
    try {
      await work();
      await load();
    } catch (e) {
      setState({ kind: 'signed-out', error: errorKey(e, fallback) });
    } finally {
      setBusy(false);
    }
  };

  const signIn = () =>
    ceremony(async () => {
      const options = await api.signin.options.$post();
      if (!options.ok) throw refusal(options, 'signin');
      // The library's options as JSON: its type allows binary extension inputs that JSON cannot carry (none are sent).
      const optionsJSON = (await options.json()) as unknown as PublicKeyCredentialRequestOptionsJSON;
      const response = await startAuthentication({ optionsJSON });
      const verified = await api.signin.verify.$post({ json: { response } });
      if (!verified.ok) throw refusal(verified, 'signin');
    }, 'signin');

  const enrol = (event: Event) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget as HTMLFormElement).get('code') ?? '').trim();
    return ceremony(async () => {
      const options = await api.enrol.options.$post({ json: { code } });
      if (!options.ok) throw refusal(options, 'invitation');
      const optionsJSON = (await options.json()) as unknown as PublicKeyCredentialCreationOptionsJSON;
      const response = await startRegistration({ optionsJSON });
      const verified = await api.enrol.verify.$post({ json: { code, response } });
      if (!verified.ok) throw refusal(verified, 'invitation');
    }, 'invitation');
  };

  const ended = () => setState({ kind: 'signed-out', error: 'signedOut' });

  const signedIn = state.kind === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const query = { status: status || 'all', type, after, size: String(PAGE) };
    void (async () => {
      try {
        const response = await api.requests.$get({ query });
        if (!response.ok) throw refusal(response, 'network');
        const body = await response.json();
        if (live) setList(body);
      } catch (e) {
        if (live) setState({ kind: 'signed-out', error: errorKey(e, 'network') });
      }
    })();
    return () => {
      live = false;
    };
  }, [signedIn, status, type, after, tick]);

  const signOut = async () => {
    await api.signout.$post().catch(() => undefined);
    signedOutHere.current = true;
    setState({ kind: 'signed-out' });
  };

  if (state.kind === 'loading') return <p role="status">{w['officer.working']}</p>;

  if (state.kind === 'signed-out')
    return (
      <div class="officer">
        {state.error && (
          <p class="notice" role="alert" tabIndex={-1} ref={alert}>
            {w[`officer.error.${state.error}`]}
          </p>
        )}
        <section class="panel" aria-labelledby="signin-title">
          <h2 id="signin-title" tabIndex={-1} ref={signinHeading}>
            {w['officer.signin']}
          </h2>
          <p>
            <button type="button" onClick={signIn} disabled={busy}>
              {busy ? w['officer.working'] : w['officer.signin']}
            </button>
          </p>
        </section>
        <section class="panel" aria-labelledby="first-title">
          <h2 id="first-title">{w['officer.first']}</h2>
          <p id="first-intro">{w['officer.first.intro']}</p>
          <form onSubmit={enrol} class="compare-form" aria-describedby="first-intro">
            <div>
              <label for="invitation-code">{w['officer.code']}</label>
              <input
                id="invitation-code"
                name="code"
                type="text"
                autocomplete="one-time-code"
                required
                spellcheck={false}
              />
            </div>
            <button type="submit" disabled={busy}>
              {w['officer.enrol']}
            </button>
          </form>
        </section>
      </div>
    );

  // Signed in: the session's load brought the signed-in parts first.
  const {
    OfficerKey,
    Rewrap,
    OfficerRequest,
    RetentionView,
    ConsentView,
    ScanView,
    AuditView,
    MailView,
    OfficersView,
  } = parts!;
  const total = list?.total ?? 0;
  const shown = list?.rows ?? [];
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const current = starts.length - 1;
  const now = new Date();
  /** The keys this device opens requests with: its own, and the former shared one if imported. */
  const readable =
    deviceKeys.device || deviceKeys.legacy
      ? { identities: deviceKeys.device ? [deviceKeys.device.key] : [], legacy: deviceKeys.legacy ?? undefined }
      : null;
  /** Whether a listed request is sealed for this device's key (or, sealed before, for the former key). */
  const openable = (r: Listed) =>
    r.keyset === ''
      ? !!deviceKeys.legacy
      : !!deviceKeys.device && r.keyset.split(' ').includes(deviceKeys.device.fingerprint);
  return (
    <div class="officer">
      <p class="officer-bar">
        <span>{fill(w['officer.signedInAs'], { name: state.name })}</span>{' '}
        <button type="button" onClick={signOut}>
          {w['officer.signout']}
        </button>
      </p>
      <nav aria-label={w['officer.views']}>
        <ul class="doc-links">
          {(['requests', 'retention', 'consents', 'scan', 'audit', 'mail', 'officers'] as const).map((v) => (
            <li key={v}>
              <button
                type="button"
                class="link"
                aria-current={view === v ? 'page' : undefined}
                onClick={() => setView(v)}
              >
                {w[`officer.view.${v}`]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'retention' && <RetentionView lang={lang} words={w} onSignedOut={ended} />}
      {view === 'consents' && <ConsentView lang={lang} words={w} onSignedOut={ended} />}
      {view === 'scan' && <ScanView lang={lang} words={w} onSignedOut={ended} />}
      {view === 'audit' && <AuditView lang={lang} words={w} onSignedOut={ended} />}
      {view === 'mail' && <MailView lang={lang} words={w} onSignedOut={ended} />}
      {view === 'officers' && <OfficersView lang={lang} words={w} onSignedOut={ended} />}
      {view === 'requests' && (
        <>
          <OfficerKey
            words={w}
            keys={deviceKeys}
            inService={!!readers?.recipients.includes(deviceKeys.device?.recipient ?? '')}
            onKeys={(keys) => {
              setDeviceKeys(keys);
              void load();
            }}
            register={(recipient) => api.keys.$post({ json: { recipient } })}
          />
          {readers && (
            <Rewrap
              lang={lang}
              words={w}
              keys={deviceKeys}
              keyset={readers.keyset}
              onDone={() => setTick((n) => n + 1)}
            />
          )}
          {opened && readable && readers ? (
            <OfficerRequest
              reference={opened}
              lang={lang}
              words={w}
              keys={readable}
              officerName={state.name}
              recipients={readers.recipients}
              onBack={() => {
                returnTo.current = opened;
                setOpened(null);
                void load('signedOut');
              }}
              onSignedOut={ended}
            />
          ) : (
            <>
              <h2 id="list-title" tabIndex={-1} ref={heading}>
                {w['officer.list']}
              </h2>
              <div class="compare-form panel">
                <Filter
                  id="filter-status"
                  label={w['officer.filter.status']}
                  value={status}
                  options={[
                    ['open', w['officer.filter.open']],
                    ['', w['officer.filter.all']],
                    ...STATUSES.map((s) => [s, w.statuses[s]] as const),
                  ]}
                  onPick={(value) => {
                    setStatus(value);
                    setStarts(['']);
                  }}
                />
                <Filter
                  id="filter-type"
                  label={w['officer.filter.type']}
                  value={type}
                  options={[['', w['officer.filter.all']], ...REQUEST_TYPES.map((t) => [t, w.types[t]] as const)]}
                  onPick={(value) => {
                    setType(value);
                    setStarts(['']);
                  }}
                />
              </div>
              <p role="status">
                {list && plural(lang, total, { one: w['officer.count.one'], other: w['officer.count.other'] })}
              </p>
              {!list ? null : shown.length === 0 ? (
                <p>{w['officer.empty']}</p>
              ) : (
                // biome-ignore lint/a11y/noNoninteractiveTabindex: what scrolls sideways is reachable by keyboard.
                <section class="table-scroll" aria-labelledby="list-title" tabIndex={0} ref={table}>
                  <table class="officer-table">
                    <Head
                      columns={[
                        w['officer.col.reference'],
                        w['officer.col.type'],
                        w['officer.col.received'],
                        w['officer.col.due'],
                        w['officer.col.clock'],
                        w['officer.col.status'],
                      ]}
                    />
                    <tbody>
                      {shown.map((r) => {
                        const clock = clockOf(r.dueAt, r.closedAt, now);
                        const words =
                          clock.kind === 'closed'
                            ? w['officer.clock.closed']
                            : clock.kind === 'today'
                              ? w['officer.clock.today']
                              : plural(lang, clock.days, {
                                  one: w[`officer.clock.${clock.kind}.one`],
                                  other: w[`officer.clock.${clock.kind}.other`],
                                });
                        return (
                          <tr key={r.reference} data-reference={r.reference}>
                            <th scope="row" data-label={w['officer.col.reference']}>
                              {readable ? (
                                <button type="button" class="link" onClick={() => setOpened(r.reference)}>
                                  {r.reference}
                                </button>
                              ) : (
                                r.reference
                              )}
                              {readable && !openable(r) && <span class="hint"> ({w['officer.notForYou']})</span>}
                            </th>
                            <td data-label={w['officer.col.type']}>
                              {w.types[r.type as keyof typeof w.types] ?? r.type}
                            </td>
                            <td data-label={w['officer.col.received']}>{day(r.receivedAt, lang)}</td>
                            <td data-label={w['officer.col.due']}>{day(r.dueAt, lang)}</td>
                            <td data-label={w['officer.col.clock']}>
                              <span class="clock" data-clock={clock.kind}>
                                {words}
                              </span>
                            </td>
                            <td data-label={w['officer.col.status']}>
                              {w.statuses[r.status as keyof typeof w.statuses] ?? r.status}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </section>
              )}
              {pages > 1 && (
                <p class="doc-links">
                  <button type="button" disabled={current === 0} onClick={() => setStarts(starts.slice(0, -1))}>
                    ←
                  </button>
                  <span>
                    {current + 1} / {pages}
                  </span>
                  <button
                    type="button"
                    disabled={!list?.next}
                    onClick={() => list?.next && setStarts([...starts, list.next])}
                  >
                    →
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
