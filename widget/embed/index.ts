// Standalone consent widget: `<script type="module" src="…/widget/consent.js">` on any of the organisation's sites.
// Reads the script tag's settings and the stored decision, wires the core's stores to cookies, gated content, the
// view and the page's API. Nothing optional runs, and nothing is drawn, until the stores say so.
import { allowedBy, type Category, cookiesOf, type Optional } from '../core/categories.ts';
import {
  $consent,
  $draft,
  $draftServices,
  $gpc,
  $record,
  $renewal,
  $services,
  $view,
  acceptAll,
  closePreferences,
  grant,
  openPreferences,
  refuseAll,
  saveChoices,
  setChoice,
  setService,
  start,
} from '../core/consent.ts';
import { consentModeDefault, consentModeState } from '../core/consent-mode.ts';
import { receiptFileName, receiptOf, sendReceipt } from '../core/receipt.ts';
import { cookieValues, latestRecord, randomId } from '../core/record.ts';
import { type Defaults, ownTag, readConfig } from './config.ts';
import { CONSENT_COOKIE, cookieNames, removeEverywhere, writeConsent } from './cookies.ts';
import { createGates } from './gate.ts';
import { gtag } from './gtag.ts';
import type { Strings } from './mount.ts';

declare const __CONSENT_DEFAULTS__: Defaults;
declare global {
  interface Window {
    citimConsent?: unknown;
  }
  interface Navigator {
    globalPrivacyControl?: boolean;
  }
}

function main() {
  // Once: the build writes the defaults wherever the name appears.
  const defaults = __CONSENT_DEFAULTS__;
  const { declaration } = defaults;
  // A module has no currentScript: the tag is found among the page's (see ownTag).
  const config = readConfig(
    { ...ownTag([...document.querySelectorAll<HTMLScriptElement>('script[src]')], import.meta.url)?.dataset },
    document.documentElement.lang,
    defaults,
    location.hostname,
  );
  for (const problem of config.problems) console.warn(`[consent] ${problem}`);
  const host = location.hostname;
  const secure = location.protocol === 'https:';

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
      services: Object.fromEntries(
        declaration.categories.slice(1).flatMap((c) => c.services.map((service) => [service.id, c.id as Optional])),
      ),
    },
    stored,
  );
  const standing = $record.get();
  // Global Privacy Control set aside a stored "yes" to advertising: the cookie says so from now on.
  if (standing && standing !== stored) writeConsent(standing, { ...config, secure });

  // Google's tag learns the default, then the standing decision, before it is configured (consent-mode.js, a classic
  // script placed before Google's tag, does it earliest; this module repeats the standing decision, which is harmless).
  if (config.consentMode) {
    if (!window.citimConsentMode) gtag('consent', 'default', consentModeDefault());
    if (standing) gtag('consent', 'update', consentModeState(standing.choices));
  }

  /**
   * The view and the banner's strings in the page's language, loaded together the first time something must be drawn
   * (relative to this file's address, so from any origin).
   */
  let view: Promise<[typeof import('./mount.ts'), Strings]> | undefined;
  const loadView = () =>
    (view ??= Promise.all([
      import('./mount.ts'),
      config.lang === 'en' ? import('../i18n/en.ts').then((m) => m.en) : import('../i18n/fr.ts').then((m) => m.fr),
    ]));

  /** What the view may read and do: the core's stores and actions, handed over rather than bundled twice. */
  const core = {
    ...{
      $draft,
      $draftServices,
      $gpc,
      $record,
      $renewal,
      $view,
      acceptAll,
      refuseAll,
      openPreferences,
      closePreferences,
    },
    ...{ saveChoices, setChoice, setService, receiptOf, receiptFileName },
  };

  // The view is drawn the first time something must be shown; a visitor whose choice stands never gets it.
  let mounted = false;
  $view.subscribe((shown) => {
    if (shown === 'hidden' || mounted) return;
    mounted = true;
    void loadView().then(([m, strings]) => m.mountWidget(config, host, core, strings, declaration));
  });

  const titles = Object.fromEntries(declaration.categories.map((c) => [c.id, c.title[config.lang]]));
  const gates = createGates(document, {
    placeholder: (spec) =>
      void loadView().then(([m, strings]) => m.renderGate(spec, strings, titles[spec.category]!, config.lang)),
    allow: grant,
  });
  const apply = () => gates.apply($consent.get(), $services.get());
  $services.listen(apply);
  $consent.subscribe(apply);

  $record.listen((record) => {
    if (!record) return;
    writeConsent(record, { ...config, secure });
    // Every service not allowed loses its declared cookies, whatever was allowed before: after a renewal the pending
    // state is "nothing", yet cookies of the earlier "yes" are still there.
    const refused = (category: Category, service?: string) =>
      category !== 'necessary' && !allowedBy(record.choices, record.services, category, service);
    const names = cookieNames(document.cookie);
    for (const name of cookiesOf(declaration, refused, names))
      removeEverywhere(name, host, config.domain, location.pathname);
    if (config.consentMode) gtag('consent', 'update', consentModeState(record.choices));
    // The receipt goes with keepalive: it survives the reload below.
    if (config.endpoint) void sendReceipt(config.endpoint, receiptOf(record, { site: host, lang: config.lang }));
    document.dispatchEvent(new CustomEvent('citim:consent', { detail: { ...record.choices } }));
    // A script that ran cannot be stopped: reload at once so that it does not run again.
    if ([...gates.ran].some((key) => refused(...(key.split(':') as [Category, string?])))) location.reload();
  });

  document.addEventListener('click', (event) => {
    if (!(event.target as Element | null)?.closest?.('[data-consent-open]')) return;
    event.preventDefault();
    openPreferences();
  });

  window.citimConsent = {
    /** What may run now, by category. */
    get: () => ({ ...$consent.get() }),
    /** A script's decision, recorded as such (method `api`), never as the person's click. */
    acceptAll: () => acceptAll('api'),
    refuseAll: () => refuseAll('api'),
    open: openPreferences,
    /** Calls back on every decision; returns a function that stops it. */
    on: (listener: (choices: Record<string, boolean>) => void) => $consent.listen(listener),
  };
}

// Once per page, however many tags load it (two addresses of one file are two modules).
if (window.citimConsent) console.warn('[consent] loaded twice');
else main();
