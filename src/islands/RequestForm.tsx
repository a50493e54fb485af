// The privacy request form: rendered at build as a plain POST that works without JavaScript, then hydrated for inline
// errors, the anti-robot proof of work and retries that never file twice. Fields and checks: shared/request.ts.
import 'altcha/altcha.css';
import type { ComponentChildren, HTMLAttributes } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { plural } from '../../shared/fill.ts';
import type { FieldErrors } from '../../shared/request.ts';
import { CAPACITIES, RELATIONS, REPLY_FORMATS, REQUEST_TYPES } from '../../shared/request-values.ts';
import { keyFor } from './request-key.ts';
import type { RequestWords } from './words.ts';

/**
 * The request's schema and its checks (shared/request.ts, with the validation library): loaded once, when the person
 * starts on the form, so that showing it costs the page no schema to build (Lighthouse counted its blocking time).
 */
let loaded: Promise<typeof import('../../shared/request.ts')> | undefined;
const checks = () => {
  loaded ??= import('../../shared/request.ts').catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
};

type AltchaProps = HTMLAttributes<HTMLElement> & Record<string, unknown>;
declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'altcha-widget': AltchaProps;
    }
  }
}

interface Props {
  lang: 'fr' | 'en';
  words: RequestWords;
  /** What each error code means, in the page's language (shared/request-messages.ts). */
  messages: Record<string, string>;
  /** Where the PTET notice is, for requests about CBSA records. */
  ptet: { href: string; label: string };
  /** Where to ask the CBSA itself: its online service and its written-request page. */
  cbsa: { href: string; label: string }[];
  action: string;
  /** Loads the proof-of-work widget; tests leave it out. */
  loadProof?: () => Promise<unknown>;
}

/** The fields in the order the form shows them: the error summary follows it. */
const ORDER = [
  'holder',
  'type',
  'name',
  'email',
  'phone',
  'fileNumber',
  'relation',
  'details',
  'language',
  'replyFormat',
  'capacity',
  'acknowledged',
  'altcha',
];

const Star = () => <span aria-hidden="true"> *</span>;

/** Where a field's error shows; announced through the field's aria-describedby. */
const FieldError = ({ field, message }: { field: string; message: string | undefined }) => (
  <p class="field-error" id={`${field}-error`} hidden={!message}>
    {message ?? ''}
  </p>
);

const Field = ({ children }: { children: ComponentChildren }) => <div class="field">{children}</div>;

type Altcha = HTMLElement & { reset?: () => void; verify?: () => Promise<unknown> };

export function RequestForm({
  lang,
  words: w,
  messages,
  ptet,
  cbsa: cbsaLinks,
  action,
  loadProof = () => import('./altcha.ts'),
}: Props) {
  const [ready, setReady] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState(0);
  const [holder, setHolder] = useState('citim');
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const altcha = useRef<Altcha>(null);

  // The proof of work (its widget and its solving) starts when the person starts on the form, not with the page: the
  // page's first seconds stay free for reading it (Lighthouse measured 630 ms of blocking time when both loaded).
  const proofStarted = useRef(false);
  const startProof = () => {
    // The checks come with the person's first move too: the page needs none of them to show the form.
    void checks().catch(() => undefined);
    if (proofStarted.current) return;
    proofStarted.current = true;
    void loadProof().catch(() => {
      proofStarted.current = false;
    });
  };

  // A proof of work is spent by the first submission that carries it: any later one needs a fresh proof, and so does
  // a page the browser brings back from its history with the old proof still in it.
  const freshProof = () => {
    altcha.current?.reset?.();
    void altcha.current?.verify?.();
  };

  // Radios are left to the browser (never `checked`), so the answers it restores on Back are kept: read them back.
  const sync = () => {
    const data = new FormData(form.current!);
    setHolder(String(data.get('holder') ?? ''));
    setType(String(data.get('type') ?? ''));
  };

  useEffect(() => {
    setReady(true);
    sync();
    // A form the browser filled back in (Back, a reload) has been started on already: its proof starts at once.
    const restored = [...form.current!.elements].some((el) =>
      el instanceof HTMLInputElement
        ? el.type === 'radio' || el.type === 'checkbox'
          ? el.checked !== el.defaultChecked
          : el.type !== 'hidden' && el.value !== el.defaultValue
        : el instanceof HTMLTextAreaElement
          ? el.value !== el.defaultValue
          : el instanceof HTMLSelectElement &&
            el.selectedIndex !==
              Math.max(
                0,
                [...el.options].findIndex((o) => o.defaultSelected),
              ),
    );
    // So has a form the person was already in when the page's script woke.
    if (restored || form.current!.contains(document.activeElement)) startProof();
    const onShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      startProof();
      freshProof();
      sync();
      setStatus('');
      setSending(false);
    };
    addEventListener('pageshow', onShow);
    return () => removeEventListener('pageshow', onShow);
  }, []);

  useEffect(() => {
    if (shown) summary.current?.focus();
  }, [shown]);

  const show = (found: FieldErrors) => {
    setErrors(found);
    if (Object.keys(found).length) setShown((n) => n + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form.current!)) as Record<string, string>;
    const { website, altcha: proof, ...rest } = fields;
    const { validateRequest, fromForm } = await checks();
    const checked = validateRequest(fromForm(rest));
    if (!checked.ok) return show(proof ? checked.errors : { ...checked.errors, altcha: 'altcha.required' });
    if (!proof) return show({ altcha: 'altcha.required' });
    show({});
    setSending(true);
    setStatus(w['request.sending']);
    try {
      const response = await fetch(action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': await keyFor(checked.request) },
        body: JSON.stringify({ ...checked.request, website: website ?? '', altcha: proof }),
      });
      const body = (await response.json().catch(() => ({}))) as {
        statusUrl?: string;
        duplicate?: boolean;
        message?: string;
        fields?: Record<string, { code: string }>;
      };
      if ((response.status === 201 || response.status === 200) && body.statusUrl) {
        // Say what really happened: filed now, or found already filed.
        location.assign(`${body.statusUrl}&${body.duplicate ? 'again' : 'new'}=1`);
        return;
      }
      freshProof();
      if (response.status === 400 && body.fields) {
        show(Object.fromEntries(Object.entries(body.fields).map(([f, v]) => [f, v.code])));
        setStatus('');
      } else {
        // The function says why in the person's language (too many, already filed elsewhere, service busy…).
        setStatus(body.message ?? w['request.failed']);
      }
    } catch {
      setStatus(w['request.failed']);
    }
    setSending(false);
  };

  const focusField = (field: string) => (event: Event) => {
    event.preventDefault();
    const target = form.current?.elements.namedItem(field);
    const element = target instanceof RadioNodeList ? (target[0] as HTMLElement | undefined) : target;
    (element instanceof HTMLElement ? element : summary.current)?.focus();
  };

  const say = (code: string) => messages[code] ?? code;
  const invalid = (field: string) => (errors[field] ? true : undefined);
  const describedBy = (field: string, ...more: string[]) => [...more, `${field}-error`].join(' ');
  const error = (field: string) => <FieldError field={field} message={errors[field] && say(errors[field])} />;
  const listed = ORDER.filter((f) => errors[f]).concat(Object.keys(errors).filter((f) => !ORDER.includes(f)));
  const replyRequired = type === 'access' || type === 'portability';
  const cbsa = holder === 'cbsa';

  return (
    <>
      <div id="errors" class="notice" role="alert" tabIndex={-1} hidden={!listed.length} ref={summary}>
        <p>{plural(lang, listed.length, { one: w['request.errors.one'], other: w['request.errors.other'] })}</p>
        <ul>
          {listed.map((field) => (
            <li key={field}>
              <a href={`#${field}-error`} onClick={focusField(field)}>
                {say(errors[field]!)}
              </a>
            </li>
          ))}
        </ul>
      </div>
      <form
        class="request-form prose"
        method="post"
        action={action}
        ref={form}
        noValidate={ready}
        onSubmit={submit}
        onChange={sync}
        onFocusIn={startProof}
        onPointerDown={startProof}
        onInput={startProof}
      >
        <fieldset aria-describedby="holder-error">
          <legend>
            {w['request.holder']}
            <Star />
          </legend>
          {(['citim', 'cbsa'] as const).map((h) => (
            <label key={h} class="check">
              <input
                type="radio"
                name="holder"
                value={h}
                required
                defaultChecked={h === 'citim'}
                aria-invalid={invalid('holder')}
              />{' '}
              {w[`request.holder.${h}`]}
            </label>
          ))}
          <p class={cbsa ? 'hint notice' : 'hint'} id="cbsa-note">
            {w['request.cbsa']} <a href={ptet.href}>{ptet.label}</a>
          </p>
          <ul class={cbsa ? 'hint notice' : 'hint'}>
            {cbsaLinks.map((link) => (
              <li key={link.href}>
                <a href={link.href}>{link.label}</a>
              </li>
            ))}
          </ul>
          {error('holder')}
        </fieldset>
        <fieldset aria-describedby="type-error">
          <legend>
            {w['request.type']}
            <Star />
          </legend>
          {REQUEST_TYPES.map((t) => (
            <label key={t} class="check">
              <input type="radio" name="type" value={t} required aria-invalid={invalid('type')} />{' '}
              {w[`request.type.${t}`]}
            </label>
          ))}
          {error('type')}
        </fieldset>
        <Field>
          <label for="name">
            {w['request.name']}
            <Star />
          </label>
          <input
            id="name"
            name="name"
            type="text"
            autocomplete="name"
            required
            maxLength={200}
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
          />
          {error('name')}
        </Field>
        <Field>
          <label for="email">
            {w['request.email']}
            <Star />
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            maxLength={254}
            aria-invalid={invalid('email')}
            aria-describedby={describedBy('email')}
          />
          {error('email')}
        </Field>
        <Field>
          <label for="phone">{w['request.phone']}</label>
          <input
            id="phone"
            name="phone"
            type="tel"
            autocomplete="tel"
            maxLength={40}
            aria-invalid={invalid('phone')}
            aria-describedby={describedBy('phone')}
          />
          {error('phone')}
        </Field>
        <Field>
          <label for="fileNumber">{w['request.fileNumber']}</label>
          <input
            id="fileNumber"
            name="fileNumber"
            type="text"
            maxLength={40}
            aria-invalid={invalid('fileNumber')}
            aria-describedby={describedBy('fileNumber')}
          />
          {error('fileNumber')}
        </Field>
        <Field>
          <label for="relation">
            {w['request.relation']}
            <Star />
          </label>
          <select
            id="relation"
            name="relation"
            required
            aria-invalid={invalid('relation')}
            aria-describedby={describedBy('relation')}
          >
            <option value="" />
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {w[`request.relation.${r}`]}
              </option>
            ))}
          </select>
          {error('relation')}
        </Field>
        <Field>
          <label for="details">
            {w['request.details']}
            <Star />
          </label>
          <span class="hint" id="details-hint">
            {w['request.details.hint']}
          </span>
          <textarea
            id="details"
            name="details"
            rows={7}
            required
            minLength={10}
            maxLength={5000}
            aria-invalid={invalid('details')}
            aria-describedby={describedBy('details', 'details-hint')}
          />
          {error('details')}
        </Field>
        <fieldset aria-describedby="language-error">
          <legend>
            {w['request.language']}
            <Star />
          </legend>
          <label class="check">
            <input type="radio" name="language" value="fr" defaultChecked={lang === 'fr'} /> Français
          </label>
          <label class="check" lang="en">
            <input type="radio" name="language" value="en" defaultChecked={lang === 'en'} /> English
          </label>
          {error('language')}
        </fieldset>
        <Field>
          <label for="replyFormat">
            {w['request.replyFormat']}
            {replyRequired && <Star />}
          </label>
          <span class="hint" id="replyFormat-hint">
            {w['request.replyFormat.hint']}
          </span>
          <select
            id="replyFormat"
            name="replyFormat"
            required={replyRequired}
            aria-invalid={invalid('replyFormat')}
            aria-describedby={describedBy('replyFormat', 'replyFormat-hint')}
          >
            <option value="" />
            {REPLY_FORMATS.map((f) => (
              <option key={f} value={f}>
                {w[`request.replyFormat.${f}`]}
              </option>
            ))}
          </select>
          {error('replyFormat')}
        </Field>
        <fieldset aria-describedby="capacity-hint capacity-error">
          <legend>
            {w['request.capacity']}
            <Star />
          </legend>
          <p class="hint" id="capacity-hint">
            {w['request.capacity.hint']}
          </p>
          {CAPACITIES.map((c) => (
            <div key={c} class="choice">
              <label class="check">
                <input
                  type="radio"
                  name="capacity"
                  value={c}
                  required
                  aria-invalid={invalid('capacity')}
                  aria-describedby={`capacity-${c}-hint`}
                />{' '}
                {w[`request.capacity.${c}`]}
              </label>
              <span class="hint" id={`capacity-${c}-hint`}>
                {w[`request.capacity.${c}.hint`]}
              </span>
            </div>
          ))}
          {error('capacity')}
        </fieldset>
        <div class="panel">
          <p id="use-note">{w['request.use']}</p>
          <label class="check">
            <input
              type="checkbox"
              name="acknowledged"
              required
              aria-invalid={invalid('acknowledged')}
              aria-describedby="use-note acknowledged-error"
            />{' '}
            {w['request.acknowledged']}
            <Star />
          </label>
          {error('acknowledged')}
        </div>
        <div class="honeypot" aria-hidden="true">
          <label for="website">Website</label>
          <input id="website" name="website" type="text" tabIndex={-1} autocomplete="off" />
        </div>
        {/* Proof of work needs this script; a plain post without it is still taken, under a lower limit. */}
        <div class="robot" hidden={!ready}>
          <p>{w['request.robot']}</p>
          <altcha-widget
            ref={altcha}
            challenge="/api/altcha"
            name="altcha"
            auto="onload"
            language={lang === 'fr' ? 'fr-ca' : 'en'}
            hidefooter
            hidelogo
          />
          {error('altcha')}
        </div>
        <p>
          <button type="submit" disabled={cbsa || sending}>
            {w['request.submit']}
          </button>
        </p>
        <p class="form-status" role="status">
          {status}
        </p>
      </form>
    </>
  );
}
