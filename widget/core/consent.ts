// Consent state and the actions that change it. Plain TypeScript: no UI, no `document`; the embed wires side effects.
import { atom } from 'nanostores';
import { OPTIONAL, type Optional } from './categories.ts';
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
/** The choices being edited in the preferences dialog. */
export const $draft = atom<Choices>(none());
/** What may run now: nothing optional until the person says so (Law 25, s. 8.1). Follows $record. */
export const $consent = atom<Choices>(none());
// A listener rather than `computed`: it keeps nanostores' lifecycle module out of every page's bundle.
$record.listen((record) => $consent.set(record?.choices ?? none()));
export const $gpc = atom(false);

export function start(next: Settings, stored: ConsentRecord | null): void {
  settings = next;
  $gpc.set(next.gpc);
  const renewal = stored ? needsRenewal(stored, { ...next, now: next.now() }) : null;
  $renewal.set(renewal);
  $record.set(stored && !renewal ? withGpc(stored, next.gpc) : null);
  $consent.set($record.get()?.choices ?? none());
  $view.set($record.get() ? 'hidden' : 'banner');
  $draft.set($record.get()?.choices ?? none());
}

function decide(choices: Choices, method: Method): void {
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

export function setChoice(category: Optional, granted: boolean): void {
  $draft.set({ ...$draft.get(), [category]: granted });
}

export function saveChoices(): void {
  decide({ ...$draft.get() }, 'custom');
}

/** Accept one more category, keeping the rest as they are (the "always allow" of a blocked embed). */
export function grant(category: Optional): void {
  decide({ ...$consent.get(), [category]: true }, 'custom');
}

export function openPreferences(): void {
  $draft.set({ ...($record.get()?.choices ?? none()) });
  $view.set('preferences');
}

export function closePreferences(): void {
  $view.set($record.get() ? 'hidden' : 'banner');
}
