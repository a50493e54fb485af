// Standalone consent widget: `<script type="module" src="…/widget/consent.js">` on any of the organisation's sites.
// Reads the script tag's settings and the stored decision, wires the core's stores to cookies, gated content, the
// view and the page's API. Nothing optional runs, and nothing is drawn, until the stores say so.
import { type Category, refusedBy } from '../core/categories.ts';
import {
  adopt,
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
import { type ConsentRecord, cookieValues, latestRecord, randomId } from '../core/record.ts';
import { type Defaults, ownTag, readConfig, settingsOf } from './config.ts';
import { CONSENT_COOKIE, removeEverywhere, writeConsent } from './cookies.ts';
import { createGates } from './gate.ts';

const noop = () => {};
/** A lazy load shared by its callers and forgotten when it fails (offline, blocked): the next call tries again. */
const lazily = <T>(load: () => Promise<T>) => {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error) => {
      pending = undefined;
      console.warn('[consent] the widget could not load');
      throw error;
    }));
};
type View = typeof import('./view-fr.ts');

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
    settingsOf(ownTag([...document.querySelectorAll<HTMLScriptElement>('script[src]')], import.meta.url)),
    document.documentElement.lang,
    defaults,
    location.hostname,
    location.href,
  );
  for (const problem of config.problems) console.warn(`[consent] ${problem}: not valid, default kept`);
  const host = location.hostname;
  const secure = location.protocol === 'https:';

  const copies = cookieValues(document.cookie, CONSENT_COOKIE);
  const save = (record: ConsentRecord) => writeConsent(record, { ...config, secure });
  const stored = latestRecord(copies);
  /** The consent cookie as this page last read or wrote it: the cookie is the truth shared by every tab and site. */
  let seen = '';
  const cookieNow = () => cookieValues(document.cookie, CONSENT_COOKIE).join('\n');
  // Two copies: a domain change left one behind. Keep the latest, in the configured place only.
  if (copies.length > 1) {
    removeEverywhere(CONSENT_COOKIE, host, config.domain);
    if (stored) save(stored);
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
      services: declaration.services,
    },
    stored,
  );
  const standing = $record.get();
  // Global Privacy Control set aside a stored "yes" to advertising: the cookie says so from now on.
  if (standing && standing !== stored) save(standing);
  seen = cookieNow();

  /**
   * Another tab, another of the organisation's sites or a page restored by Back may hold an older decision than the
   * cookie's: the cookie's becomes the one in force here before anything is shown or changed. What it withdraws is
   * withdrawn here too (a script that ran makes the page reload, as after a decision made here).
   */
  let adopting = false;
  const resync = () => {
    const now = cookieNow();
    if (now === seen) return;
    seen = now;
    adopting = true;
    try {
      adopt(latestRecord(now ? now.split('\n') : []));
    } finally {
      adopting = false;
    }
  };
  /** An action, always taken on the decision now in force. */
  const fresh =
    <A extends unknown[]>(action: (...args: A) => void) =>
    (...args: A) => {
      resync();
      action(...args);
    };
  // A decision here reaches this site's other tabs at once; the rest (other sites, a closed channel) at their next use:
  // a tab shown again, a page restored from the back/forward cache, before a click or key reaches the widget or page.
  // The channel is closed while the page is hidden away in that cache: a message would evict it from there.
  let channel: BroadcastChannel | undefined;
  const tune = (event?: Event) => {
    channel?.close();
    channel = event?.type !== 'pagehide' && self.BroadcastChannel ? new BroadcastChannel('citim-consent') : undefined;
    if (channel) channel.onmessage = resync;
    resync();
  };
  tune();
  for (const type of ['pageshow', 'pagehide']) addEventListener(type, tune);
  for (const type of ['pointerdown', 'keydown', 'focusin', 'visibilitychange'])
    document.addEventListener(type, resync, true);
  addEventListener('focus', resync);

  // Google's tag learns the default, then the standing decision, before it is configured. consent-mode.js, the classic
  // script placed before Google's tag, tells both earliest, and then nothing is due before a decision; without it, this
  // module tells them as it starts. From a chunk that only sites with Google's tag load.
  const google = lazily(() => import('./google.ts'));
  const tellGoogle = (tell: (m: typeof import('./google.ts')) => void) => {
    if (config.consentMode) google().then(tell, noop);
  };
  if (!window.citimConsentMode) tellGoogle((m) => m.tellDefault(standing, declaration.google));

  /**
   * The view in the widget's language, the first time something must be drawn: relative to this file's address, so
   * from any origin (the build names each language's fingerprinted file, widget/build.ts).
   */
  const loadView = lazily<View>(() => (config.lang === 'en' ? import('./view-en.ts') : import('./view-fr.ts')));
  /** What follows a decision, and the person's copy of it in the dialog: loaded with the first that needs it. */
  const decided = () => import('./decided.ts');

  /** What the view may read and do: the core's stores and actions, handed over rather than bundled twice. */
  const core = {
    ...{ $draft, $draftServices, $gpc, $record, $renewal, $view, closePreferences },
    acceptAll: fresh(acceptAll),
    refuseAll: fresh(refuseAll),
    openPreferences: fresh(openPreferences),
    saveChoices: fresh(saveChoices),
    setChoice: fresh(setChoice),
    setService: fresh(setService),
  };

  // The view is drawn the first time something must be shown; a visitor whose choice stands never gets it.
  let drawn = false;
  $view.subscribe((shown) => {
    if (shown === 'hidden' || drawn) return;
    drawn = true;
    loadView().then(
      (m) => m.mountWidget(config, host, core, decided),
      () => {
        // Nothing optional runs without a choice meanwhile, and the next opening (a "cookie preferences" link) tries
        // again instead of finding the widget drawn.
        drawn = false;
        closePreferences();
      },
    );
  });

  /** What becomes of gated iframes, the first time the page has one. */
  let framesLoaded: ReturnType<typeof import('./frames.ts').createFrames> | undefined;
  const frames = lazily(() =>
    import('./frames.ts')
      .then((m) =>
        m.createFrames({
          // The embed stays hidden, and empty, when its placeholder cannot be drawn.
          placeholder: (spec) => loadView().then((m) => m.renderGate(spec), noop),
          allow: fresh(grant),
        }),
      )
      .then((handle) => (framesLoaded = handle)),
  );
  const gates = createGates(document, {
    // Hidden at once when blocked; then its placeholder, or its address, in the order the changes came.
    frame: (el, category, allowed) => {
      if (!allowed) el.hidden = true;
      frames().then((handle) => handle.handle(el, category, allowed), noop);
    },
    // Before the chunk loads there is no placeholder to take away.
    removed: (el) => framesLoaded?.removed(el),
  });
  const apply = () => gates.apply($consent.get(), $services.get());
  $services.listen(apply);
  $consent.subscribe(apply);

  $record.listen((record) => {
    // A decision made elsewhere: its tab wrote the cookie, filed the receipt and deleted what it refuses.
    const elsewhere = adopting;
    // The core's own listener ran first: what may run now, with or without a decision.
    const choices = $consent.get();
    const services = $services.get();
    const refused = refusedBy(choices, services);
    const reloadIfRan = (after: Promise<unknown>) => {
      // A script that ran cannot be stopped: reload once its cookies are gone, so that it does not run again.
      if ([...gates.ran].some((key) => refused(...(key.split(':') as [Category, string?]))))
        void after.then(() => location.reload());
    };
    if (record && !elsewhere) {
      save(record);
      seen = cookieNow();
      channel?.postMessage('decided');
    }
    if (record || elsewhere) {
      tellGoogle((m) => m.tellChoices(choices, services, declaration.google));
      document.dispatchEvent(new CustomEvent('citim:consent', { detail: { ...choices } }));
    }
    if (!record || elsewhere) return reloadIfRan(Promise.resolve());
    // Its receipt, and the cookies of what it refuses, once that code has loaded (nothing optional was set before a
    // first decision, so nothing waits on it then).
    const remove = (name: string) => removeEverywhere(name, host, config.domain, location.pathname);
    const deleted = decided()
      .then((m) => {
        m.fileReceipt(record, config, host);
        m.deleteRefused(refused, remove);
      })
      .catch(() => console.warn('[consent] receipt not filed, refused cookies kept'));
    reloadIfRan(deleted);
  });

  document.addEventListener('click', (event) => {
    if (!(event.target as Element | null)?.closest?.('[data-consent-open]')) return;
    event.preventDefault();
    core.openPreferences();
  });

  // Its own small chunk: only the sites that turn it on load it.
  if (config.reopenButton)
    void import('./reopen.ts').then((m) => m.addReopenButton(config.lang, core.openPreferences), noop);

  window.citimConsent = {
    /** What may run now, by category. */
    get: () => ({ ...$consent.get() }),
    /** A script's decision, recorded as such (method `api`), never as the person's click. */
    acceptAll: fresh(() => acceptAll('api')),
    refuseAll: fresh(() => refuseAll('api')),
    open: core.openPreferences,
    /** Calls back on every decision; returns a function that stops it. */
    on: (listener: (choices: Record<string, boolean>) => void) => $consent.listen(listener),
  };
}

// Once per page, however many tags load it (two addresses of one file are two modules).
if (window.citimConsent) console.warn('[consent] loaded twice');
else main();
