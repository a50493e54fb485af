// Consent state and the actions that change it. Plain TypeScript: no UI, no `document`; the embed wires side effects.
import { atom } from 'nanostores';
import { OPTIONAL, type Optional, own, type Services } from './categories.ts';
import { type Choices, type ConsentRecord, type Method, randomId, withGpc } from './record.ts';
import { DEFAULT_MAX_AGE_DAYS, needsRenewal, type Renewal } from './renewal.ts';

export interface Settings {
  revision: number;
  /** Policy version in force now. */
  policy: string;
  renewSince?: string | undefined;
  maxAgeDays: number;
  /** The browser sends Global Privacy Control. */
  gpc: boolean;
  now: () => number;
  newId: () => string;
  /** The category of each service that may be chosen on its own (from the declaration). */
  services?: Record<string, Optional>;
}

export type View = 'hidden' | 'banner' | 'preferences';

const none = (): Choices => Object.fromEntries(OPTIONAL.map((c) => [c, false])) as Choices;

let settings: Settings = {
  revision: 0,
  policy: '1.0',
  maxAgeDays: DEFAULT_MAX_AGE_DAYS,
  gpc: false,
  now: Date.now,
  newId: randomId,
};

/** The decision in force, or null while there is none (or it must be renewed). */
export const $record = atom<ConsentRecord | null>(null);
/** Why the person is being asked again, if they are. */
export const $renewal = atom<Renewal | null>(null);
export const $view = atom<View>('hidden');
/** The choices being edited in the preferences dialog, by category and, where they differ, by service. */
export const $draft = atom<Choices>(none());
export const $draftServices = atom<Services>({});
/** What may run now: nothing optional until the person says so (Law 25, s. 8.1). Follows $record. */
export const $consent = atom<Choices>(none());
/** The services allowed or refused apart from their category. Follows $record. */
export const $services = atom<Services>({});
// A listener rather than `computed`: it keeps nanostores' lifecycle module out of every page's bundle.
$record.listen((record) => {
  $services.set(record?.services ?? {});
  $consent.set(record?.choices ?? none());
});
export const $gpc = atom(false);

export function start(next: Settings, stored: ConsentRecord | null): void {
  settings = next;
  $gpc.set(next.gpc);
  settle(stored);
  // $consent and $services follow through the listener; the draft is set when the dialog opens.
  $view.set($record.get() ? 'hidden' : 'banner');
}

/** The stored decision as the one in force, unless it must be renewed. */
function settle(stored: ConsentRecord | null): void {
  const renewal = stored ? needsRenewal(stored, { ...settings, now: settings.now() }) : null;
  $renewal.set(renewal);
  $record.set(stored && !renewal ? withGpc(stored, settings.gpc, servicesOf('advertising')) : null);
}

/**
 * A decision made elsewhere (another tab, another of the organisation's sites, a page restored by Back) becomes the
 * one in force here: the banner goes or comes back with it, and an open dialog shows it, so that the next change is
 * made on it and never on what this page remembered.
 */
export function adopt(stored: ConsentRecord | null): void {
  settle(stored);
  const view = $view.get();
  if (view === 'preferences') openPreferences();
  else $view.set($record.get() ? 'hidden' : 'banner');
}

const servicesOf = (category: Optional) =>
  Object.keys(settings.services ?? {}).filter((id) => settings.services![id] === category);
/** Per-service choices that say something: those equal to their category's choice are dropped. */
const differing = (choices: Choices, services: Services) =>
  Object.fromEntries(
    Object.entries(services).filter(([id, on]) => {
      const category = own(settings.services, id);
      return category !== undefined && choices[category] !== on;
    }),
  );

function decide(choices: Choices, method: Method, services: Services = {}): void {
  const now = settings.now();
  const previous = $record.get();
  $renewal.set(null);
  $record.set({
    id: previous?.id ?? settings.newId(),
    created: previous?.created ?? now,
    updated: now,
    choices,
    revision: settings.revision,
    policy: settings.policy,
    gpc: settings.gpc,
    method,
    services: differing(choices, services),
  });
  $view.set('hidden');
}

/**
 * Everything, except advertising when the browser sends Global Privacy Control: only an explicit choice overrides it.
 * `api` when a script asked rather than the person (window.citimConsent): the receipt tells them apart.
 */
export function acceptAll(method: Method = 'accept-all'): void {
  decide({ ...(Object.fromEntries(OPTIONAL.map((c) => [c, true])) as Choices), advertising: !settings.gpc }, method);
}

export function refuseAll(method: Method = 'refuse-all'): void {
  decide(none(), method);
}

/** A category's switch sets all its services too. */
export function setChoice(category: Optional, granted: boolean): void {
  $draft.set({ ...$draft.get(), [category]: granted });
  const kept = servicesOf(category);
  $draftServices.set(Object.fromEntries(Object.entries($draftServices.get()).filter(([id]) => !kept.includes(id))));
}

/** One service allowed or refused apart from the rest of its category. */
export function setService(service: string, granted: boolean): void {
  $draftServices.set({ ...$draftServices.get(), [service]: granted });
}

export function saveChoices(): void {
  decide({ ...$draft.get() }, 'custom', $draftServices.get());
}

/**
 * The "always allow" of a blocked embed: one more category, or only the embed's service when it names one, keeping
 * the rest as it is.
 */
export function grant(category: Optional, service?: string): void {
  const services = { ...$services.get() };
  const declared = !!service && own(settings.services, service) !== undefined;
  if (declared) services[service] = true;
  else for (const id of servicesOf(category)) delete services[id];
  decide({ ...$consent.get(), [category]: $consent.get()[category] || !declared }, 'custom', services);
}

export function openPreferences(): void {
  $draft.set({ ...($record.get()?.choices ?? none()) });
  $draftServices.set({ ...($record.get()?.services ?? {}) });
  $view.set('preferences');
}

export function closePreferences(): void {
  $view.set($record.get() ? 'hidden' : 'banner');
}
