// HTML the function writes into pages built by Astro (the status page), so they keep the portal's look and CSP:
// the requester's status, the errors of a form sent without JavaScript, and why a request could not be taken.
import { REQUEST_PAGES } from '../../shared/addresses.ts';
import { escapeHtml as esc } from '../../shared/escape-html.ts';
import type { Pages, StatusView } from './http.ts';
import { messageFor } from '../../shared/request-messages.ts';
import type { FieldErrors, RequestType } from '../../shared/request.ts';
import { statusNames, typeNames } from '../../shared/request-names.ts';
import { fill } from '../../shared/fill.ts';
import type { SearchHit } from '../../shared/search.ts';

type Lang = 'fr' | 'en';

/** The slot in the built page, with the text shown when the page is opened without a valid address. */
const SLOT = /<div id="request-status" data-slot>[\s\S]*?<\/div>/;

/** The words of the pages the function fills in; French is the reference, English has the same keys (typed). */
const wordsFr = {
  received: 'Votre demande a bien été reçue. Gardez l’adresse de cette page : elle seule permet d’en suivre l’état.',
  again:
    'Cette demande avait déjà été reçue : elle n’a pas été déposée une deuxième fois. Gardez l’adresse de cette page : elle seule permet d’en suivre l’état.',
  reference: 'Référence',
  type: 'Type de demande',
  receivedAt: 'Reçue le',
  dueAt: 'Réponse due au plus tard le',
  status: 'État',
  changed: 'Dernier changement',
  overdue:
    'Le délai de 30 jours est dépassé sans réponse. Selon l’article 32 de la Loi sur la protection des renseignements personnels dans le secteur privé, l’absence de réponse dans ce délai équivaut à un refus : vous pouvez demander à la Commission d’accès à l’information d’examiner ce désaccord.',
  recourse:
    'Si la réponse ne vous satisfait pas, ou si elle ne vient pas dans les 30 jours, vous pouvez vous adresser à la Commission d’accès à l’information du Québec, dans les 30 jours suivant le refus ou l’expiration du délai.',
  cai: 'Commission d’accès à l’information',
  notSent:
    'Votre demande n’a pas été envoyée. Corrigez ce qui suit, puis revenez au formulaire (vos réponses y sont conservées) :',
  back: 'Revenir au formulaire',
  notSentTitle: 'Votre demande n’a pas été envoyée',
  'confirm.pending':
    'Pour confirmer votre adresse courriel, appuyez sur le bouton. Cette confirmation aide à vérifier votre identité ; votre demande compte déjà, confirmée ou non.',
  'confirm.button': 'Confirmer mon adresse courriel',
  'confirm.done': 'Merci : votre adresse courriel est confirmée.',
  'confirm.already': 'Cette adresse courriel a déjà été confirmée : il n’y a rien d’autre à faire.',
  'confirm.expired':
    'Ce lien de confirmation a expiré (il était valable 7 jours). Votre demande suit son cours : la personne responsable vérifiera votre identité autrement.',
  'confirm.unknown':
    'Ce lien de confirmation n’est pas valable : copiez-le en entier depuis le courriel reçu. Votre demande suit son cours.',
};

const wordsEn: Record<keyof typeof wordsFr, string> = {
  received: 'Your request has been received. Keep the address of this page: it is the only way to follow its status.',
  again:
    'This request had already been received: it was not filed a second time. Keep the address of this page: it is the only way to follow its status.',
  reference: 'Reference',
  type: 'Type of request',
  receivedAt: 'Received on',
  dueAt: 'Answer due no later than',
  status: 'Status',
  changed: 'Last change',
  overdue:
    'The 30-day deadline has passed without an answer. Under section 32 of the Act respecting the protection of personal information in the private sector, no answer within that time counts as a refusal: you may ask the Commission d’accès à l’information to examine the disagreement.',
  recourse:
    'If the answer does not satisfy you, or does not come within 30 days, you may turn to Quebec’s Commission d’accès à l’information within 30 days of the refusal or of the deadline.',
  cai: 'Commission d’accès à l’information',
  notSent: 'Your request was not sent. Correct the following, then go back to the form (your answers are kept there):',
  back: 'Back to the form',
  notSentTitle: 'Your request was not sent',
  'confirm.pending':
    'To confirm your e-mail address, press the button. This confirmation helps verify your identity; your request already counts, confirmed or not.',
  'confirm.button': 'Confirm my e-mail address',
  'confirm.done': 'Thank you: your e-mail address is confirmed.',
  'confirm.already': 'This e-mail address was already confirmed: there is nothing more to do.',
  'confirm.expired':
    'This confirmation link has expired (it was valid for 7 days). Your request goes on: the privacy officer will verify your identity another way.',
  'confirm.unknown':
    'This confirmation link is not valid: copy it whole from the e-mail you received. Your request goes on.',
};

const words = { fr: wordsFr, en: wordsEn };

const day = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: 'long', timeZone: 'America/Toronto' }).format(new Date(iso));
const CAI = 'https://www.cai.gouv.qc.ca/';

/**
 * The built page's language switch, made to ask the other language's page the same (a request's address, the words
 * searched, the versions compared): switching must not lose what was asked.
 */
export function switchAsking(template: string, asked: Record<string, string> | URLSearchParams): string {
  const query = esc(`?${new URLSearchParams(asked)}`);
  return template.replace(
    /(<a href=")([^"?]*)("[^>]*data-lang-switch)/,
    (_, open, path, rest) => `${open}${path}${query}${rest}`,
  );
}

export function renderStatus(
  view: StatusView,
  lang: Lang,
  template: string,
  address?: { ref: string; token: string },
): string {
  const w = words[lang];
  const row = (label: string, value: string) => `<dt>${esc(label)}</dt><dd>${esc(value)}</dd>`;
  const html = [
    '<div id="request-status" data-slot>',
    view.arrival === 'visit'
      ? ''
      : `<p class="notice" role="status">${esc(view.arrival === 'again' ? w.again : w.received)}</p>`,
    view.confirmation ? confirmation(view, lang, address) : '',
    '<dl class="status-list">',
    row(w.reference, view.reference),
    row(w.type, typeNames[lang][view.type as RequestType] ?? view.type),
    row(w.receivedAt, day(view.receivedAt, lang)),
    row(w.dueAt, day(view.dueAt, lang)),
    `<dt>${esc(w.status)}</dt>`,
    `<dd><strong data-status="${esc(view.status)}">${esc(statusNames[lang][view.status])}</strong></dd>`,
    row(w.changed, day(view.statusChangedAt, lang)),
    '</dl>',
    view.overdue ? `<p class="notice" data-overdue>${esc(w.overdue)}</p>` : '',
    `<p>${esc(w.recourse)} <a href="${CAI}">${esc(w.cai)}</a></p>`,
    '</div>',
  ].join('');
  return (address ? switchAsking(template, address) : template).replace(SLOT, () => html);
}

/** The e-mail confirmation: a button to press (a form posting the code), or what became of the code. */
function confirmation(view: StatusView, lang: Lang, address?: { ref: string; token: string }): string {
  const { state, code } = view.confirmation!;
  const w = words[lang];
  if (state !== 'pending') {
    const role = state === 'done' || state === 'already' ? 'status' : 'alert';
    return `<p class="notice" role="${role}" data-confirmation="${state}">${esc(w[`confirm.${state}`])}</p>`;
  }
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${esc(value)}">`;
  return [
    `<form class="notice" method="post" action="/api/requests/${esc(view.reference)}/confirm"`,
    ' data-confirmation="pending">',
    `<p>${esc(w['confirm.pending'])}</p>`,
    hidden('code', code),
    hidden('token', address?.token ?? ''),
    hidden('language', lang),
    `<button type="submit">${esc(w['confirm.button'])}</button>`,
    '</form>',
  ].join('');
}

/** A page about a form that was not filed is not the follow-up of a request: its title and heading say so. */
function notSent(template: string, lang: Lang): string {
  const title = esc(words[lang].notSentTitle);
  return template
    .replace(/<title>[^<]*?( · [^<]*)?<\/title>/, (_, site = '') => `<title>${title}${site}</title>`)
    .replace(/<h1>[^<]*<\/h1>/, () => `<h1>${title}</h1>`);
}

/** What went wrong, as an alert in the page's slot, and the way back to the form. */
const problemSlot = (inner: string, lang: Lang) =>
  `<div id="request-status" data-slot><div class="notice" role="alert">${inner}</div>` +
  `<p><a href="${REQUEST_PAGES.form[lang]}">${esc(words[lang].back)}</a></p></div>`;

export function renderFormErrors(errors: FieldErrors, lang: Lang, template: string): string {
  const w = words[lang];
  const items = Object.values(errors)
    .map((code) => `<li>${esc(messageFor(code, lang))}</li>`)
    .join('');
  const html = problemSlot(`<p>${esc(w.notSent)}</p><ul>${items}</ul>`, lang);
  return notSent(template, lang).replace(SLOT, () => html);
}

/**
 * Why a request could not be taken (too many, unreadable, service busy…), with the way back to the form; `filing`
 * when it answers a form sent, so the page says the request was not sent rather than "follow-up".
 */
export function renderProblem(message: string, lang: Lang, template: string, filing = false): string {
  const html = problemSlot(`<p>${esc(message)}</p>`, lang);
  return (filing ? notSent(template, lang) : template).replace(SLOT, () => html);
}

/** The pages the function fills in, from whatever reads the built status page in a language (a file, an asset). */
export function pagesFrom(template: (lang: Lang) => Promise<string>): Pages {
  return {
    status: async (view, lang, address) => renderStatus(view, lang, await template(lang), address),
    formErrors: async (errors, lang) => renderFormErrors(errors, lang, await template(lang)),
    problem: async (message, lang, filing) => renderProblem(message, lang, await template(lang), filing),
  };
}

/** An attribute of the built page's results slot, as the page's words (HTML entities undone). */
const attributeOf = (attributes: string, name: string) =>
  (new RegExp(`${name}="([^"]*)"`).exec(attributes)?.[1] ?? '')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/**
 * The search page asked with words: its results (shared/search.ts) in place of the `<noscript>` the page keeps for
 * them, in the page's own words, and its language switch asking the other language the same. With a script, the
 * page's island takes them away and searches Pagefind's index (src/islands/SearchApp.tsx).
 */
export function renderSearch(template: string, query: string, hits: readonly SearchHit[]): string {
  const slot = /<noscript data-search-results([^>]*)>[\s\S]*?<\/noscript\s*>/;
  const attributes = slot.exec(template)?.[1] ?? '';
  const said = (name: string, vars: Record<string, string | number>) => esc(fill(attributeOf(attributes, name), vars));
  const count = hits.length
    ? said(hits.length === 1 ? 'data-one' : 'data-other', { count: hits.length, query })
    : said('data-none', { query });
  const items = hits.map((hit) => {
    const version = hit.version ? ` (${said('data-superseded', { version: hit.version })})` : '';
    const excerpt = hit.excerpt.map((p) => (p.mark ? `<mark>${esc(p.text)}</mark>` : esc(p.text))).join('');
    return `<li><a href="${esc(hit.url)}">${esc(hit.title)}${version}</a><p>${excerpt}</p></li>`;
  });
  const results = `<div data-server-results><p role="status">${count}</p><ol class="results">${items.join('')}</ol></div>`;
  return switchAsking(template, { q: query })
    .replace(slot, () => results)
    .replace(
      /(<input id="search-query"[^>]*?)( value="[^"]*")?( ?\/?>)/,
      (_, open, _v, close) => `${open} value="${esc(query)}"${close}`,
    );
}
