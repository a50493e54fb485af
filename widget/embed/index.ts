// Standalone consent widget: `<script type="module" src="…/widget/consent.js">` on any of the organisation's sites.
// Reads the script tag's settings and the stored decision, wires the core's stores to cookies, gated content, the
// view and the page's API. Nothing optional runs, and nothing is drawn, until the stores say so.
import { cookiesOf, OPTIONAL } from '../core/categories.ts';
import {
  $consent,
  $draft,
  $gpc,
  $record,
  $renewal,
  $view,
  acceptAll,
  closePreferences,
  grant,
  openPreferences,
  refuseAll,
  saveChoices,
  setChoice,
  start,
} from '../core/consent.ts';
import { consentModeDefault, consentModeState } from '../core/consent-mode.ts';
import { receiptFileName, receiptOf, sendReceipt } from '../core/receipt.ts';
import { cookieValues, latestRecord, randomId } from '../core/record.ts';
import { type Defaults, readConfig } from './config.ts';
import { CONSENT_COOKIE, cookieNames, removeEverywhere, writeConsent } from './cookies.ts';
import { createGates } from './gate.ts';
import type { Strings } from './mount.ts';

/**
 * The view and the banner's strings in the page's language, loaded together the first time something must be drawn
 * (relative to this file's address, so from any origin).
 */
let view: Promise<[typeof import('./mount.ts'), Strings]> | undefined;
const loadView = () => (view ??= Promise.all([import('./mount.ts'), config.lang === 'en' ? import('../i18n/en.ts').then((m) => m.en) : import('../i18n/fr.ts').then((m) => m.fr)]));

declare const __CONSENT_DEFAULTS__: Defaults;
// Once: the build writes the defaults wherever the name appears.
const defaults = __CONSENT_DEFAULTS__;
const { declaration } = defaults;
declare global {
  interface Window {
    citimConsent?: unknown;
    dataLayer?: unknown[];
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}

// A module has no currentScript: the settings are on the script tag that loaded this file.
const script = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === import.meta.url);
const config = readConfig({ ...script?.dataset }, document.documentElement.lang, defaults, location.hostname);
for (const problem of config.problems) console.warn(`[consent] ${problem}`);
const host = location.hostname;
const secure = location.protocol === 'https:';

// gtag's queue only reads `arguments` objects, hence a function rather than an arrow.
function gtag(..._args: unknown[]) {
  window.dataLayer ??= [];
  // biome-ignore lint/complexity/noArguments: Google's tag reads the arguments object itself.
  window.dataLayer.push(arguments);
}
if (config.consentMode) gtag('consent', 'default', consentModeDefault());

const copies = cookieValues(document.cookie, CONSENT_COOKIE);
const stored = latestRecord(copies);
// Two copies: a domain change left one behind. Keep the latest, in the configured place only.
if (copies.length > 1) {
  removeEverywhere(CONSENT_COOKIE, host, config.domain);
  if (stored) writeConsent(stored, { ...config, secure });
}

start(
  {
    revision: declaration.revision,
    policy: config.policy,
    renewSince: config.renewSince,
    maxAgeDays: config.maxAgeDays,
    gpc: navigator.globalPrivacyControl === true,
    now: Date.now,
    newId: randomId,
  },
  stored,
);

/** What the view may read and do: the core's stores and actions, handed over rather than bundled twice. */
const core = { $draft, $gpc, $record, $renewal, $view, acceptAll, refuseAll, openPreferences, closePreferences, saveChoices, setChoice, receiptOf, receiptFileName };

// The view is drawn the first time something must be shown; a visitor whose choice stands never gets it.
let mounted = false;
$view.subscribe((view) => {
  if (view === 'hidden' || mounted) return;
  mounted = true;
  void loadView().then(([m, strings]) => m.mountWidget(config, host, core, strings));
});

const titles = Object.fromEntries(declaration.categories.map((c) => [c.id, c.title[config.lang]]));
const gates = createGates(document, { placeholder: (spec) => void loadView().then(([m, strings]) => m.renderGate(spec, strings, titles[spec.category]!)), allow: grant });
$consent.subscribe((choices) => gates.apply(choices));

let previous = $consent.get();
$record.listen((record) => {
  if (!record) return;
  writeConsent(record, { ...config, secure });
  const withdrawn = OPTIONAL.filter((c) => previous[c] && !record.choices[c]);
  previous = record.choices;
  for (const name of cookiesOf(declaration, withdrawn, cookieNames(document.cookie))) removeEverywhere(name, host, config.domain);
  if (config.consentMode) gtag('consent', 'update', consentModeState(record.choices));
  const filed = config.endpoint ? sendReceipt(config.endpoint, receiptOf(record, { site: host, lang: config.lang })) : Promise.resolve(true);
  document.dispatchEvent(new CustomEvent('citim:consent', { detail: { ...record.choices } }));
  // A script that ran cannot be stopped: reload so that it does not run again, once the receipt is on its way.
  if (withdrawn.some((c) => gates.ran.has(c))) void filed.finally(() => location.reload());
});

document.addEventListener('click', (event) => {
  if (!(event.target as Element | null)?.closest?.('[data-consent-open]')) return;
  event.preventDefault();
  openPreferences();
});

window.citimConsent = {
  /** What may run now, by category. */
  get: () => ({ ...$consent.get() }),
  acceptAll,
  refuseAll,
  open: openPreferences,
  /** Calls back on every decision; returns a function that stops it. */
  on: (listener: (choices: Record<string, boolean>) => void) => $consent.listen(listener),
};
