// Browser side of the request form: checks with the shared schema, shows errors by each field and in a summary,
// solves the ALTCHA proof of work, and posts with an idempotency key so a retry never files twice.
import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/fr-ca';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';
import { type FieldErrors, fromForm, validateRequest } from '../../shared/request.ts';

declare const $altcha: { algorithms: { set: (name: string, make: () => Worker) => void } };
$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());

const form = document.querySelector<HTMLFormElement>('form[data-request-form]');
const summary = document.querySelector<HTMLElement>('#errors');

if (form && summary) {
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, string>;
  const strings = JSON.parse(form.dataset['strings'] ?? '{}') as Record<string, string>;
  const status = form.querySelector<HTMLElement>('[data-form-status]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  // The script checks and explains errors itself; without it, the browser's own checks apply.
  form.noValidate = true;
  // The anti-robot check needs this script: show it only when the script runs.
  form.querySelector<HTMLElement>('[data-robot]')!.hidden = false;
  /**
   * The same key for every retry of the same request, so the function files it once, even after a reload; a new key as
   * soon as the request changes (edited after Back), since the function refuses a key reused for another request.
   * Only a hash of the request is kept in the tab's storage, never the request.
   */
  const keyFor = async (request: unknown) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(request)));
    const hash = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
    let kept: { key?: string; hash?: string } = {};
    try {
      kept = JSON.parse(sessionStorage.getItem('request-key') ?? '{}');
    } catch {
      // No storage in this browser (or a corrupt entry): a key for this page only.
    }
    if (kept.hash === hash && kept.key) return kept.key;
    const key = crypto.randomUUID();
    try {
      sessionStorage.setItem('request-key', JSON.stringify({ key, hash }));
    } catch {
      // Same as above.
    }
    return key;
  };

  // A proof of work is spent by the first submission that carries it: any later one needs a fresh proof, and so does
  // a page the browser brings back from its history with the old proof still in it.
  const widget = form.querySelector('altcha-widget') as
    | (HTMLElement & { reset?: () => void; verify?: () => Promise<unknown> })
    | null;
  const freshProof = () => {
    widget?.reset?.();
    void widget?.verify?.();
  };
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    freshProof();
    // The page left while sending: it comes back ready to send again.
    status.textContent = '';
    update();
  });

  const show = (errors: FieldErrors) => {
    for (const el of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
      const code = errors[el.dataset['errorFor']!];
      el.hidden = !code;
      el.textContent = code ? (messages[code] ?? code) : '';
    }
    for (const field of form.querySelectorAll<HTMLElement>('[name]')) {
      if (errors[field.getAttribute('name')!]) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
    }
    const entries = Object.entries(errors);
    summary.hidden = entries.length === 0;
    summary.replaceChildren();
    if (!entries.length) return;
    const heading = document.createElement('p');
    heading.textContent = (summary.dataset['template'] ?? '').replace('{count}', String(entries.length));
    const list = document.createElement('ul');
    for (const [field, code] of entries) {
      const target = form.querySelector<HTMLElement>(`[name="${field}"]`) ?? form;
      const link = document.createElement('a');
      link.href = `#${target.id || `${field}-error`}`;
      link.textContent = messages[code] ?? code;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        target.focus();
      });
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    summary.append(heading, list);
    summary.focus();
  };

  // Reply format matters only for access and portability; CBSA records are handled by the CBSA.
  const update = () => {
    const data = new FormData(form);
    form.querySelector<HTMLSelectElement>('#replyFormat')!.required = ['access', 'portability'].includes(
      String(data.get('type')),
    );
    const cbsa = data.get('holder') === 'cbsa';
    form.querySelector('#cbsa-note')?.classList.toggle('notice', cbsa);
    button.disabled = cbsa;
  };
  form.addEventListener('change', update);
  update();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const { website, altcha, ...rest } = fields;
    const checked = validateRequest(fromForm(rest));
    if (!checked.ok) return show(checked.errors);
    if (!altcha) return show({ altcha: 'altcha.required' });
    show({});
    button.disabled = true;
    status.textContent = strings['sending'] ?? '';
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': await keyFor(checked.request) },
        body: JSON.stringify({ ...checked.request, website: website ?? '', altcha }),
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
        status.textContent = '';
      } else {
        // The function says why in the person's language (too many, already filed elsewhere, service busy…).
        status.textContent = body.message ?? strings['failed'] ?? '';
      }
    } catch {
      status.textContent = strings['failed'] ?? '';
    }
    button.disabled = false;
  });
}
