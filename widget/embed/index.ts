// Standalone consent widget: `<script type="module" src="…/widget/consent.js">` on any of the organisation's sites.
// Reads the script tag's settings and the stored decision, wires the core's stores to cookies, gated content, the
// view and the page's API. Nothing optional runs, and nothing is drawn, until the stores say so.
import { cookiesOf, OPTIONAL } from '../core/categories.ts';
import { $consent, $record, $view, acceptAll, grant, openPreferences, refuseAll, start } from '../core/consent.ts';
import { consentModeDefault, consentModeState } from '../core/consent-mode.ts';
import { receiptOf, sendReceipt } from '../core/receipt.ts';
import { cookieValues, latestRecord, randomId } from '../core/record.ts';
import { declaration } from '../declaration.ts';
import { type Defaults, readConfig } from './config.ts';
import { CONSENT_COOKIE, cookieNames, removeEverywhere, writeConsent } from './cookies.ts';
import { createGates } from './gate.ts';
import { mountWidget, renderGate } from './mount.ts';

declare const __CONSENT_DEFAULTS__: Defaults;
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
const config = readConfig({ ...script?.dataset }, document.documentElement.lang, __CONSENT_DEFAULTS__, location.hostname);
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

// The view is drawn the first time something must be shown; a visitor whose choice stands never gets it.
let mounted = false;
$view.subscribe((view) => {
  if (view === 'hidden' || mounted) return;
  mounted = true;
  mountWidget(config, host);
});

const gates = createGates(document, { placeholder: (spec) => renderGate(spec, config), allow: grant });
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
