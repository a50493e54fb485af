// @vitest-environment happy-dom
// The widget drawn from the core's stores: banner, dialog, announcements, the page's end kept above the banner.
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { $draft, $record, $view, acceptAll, openPreferences, type Settings, start } from '../core/consent.ts';
import type { ConsentRecord } from '../core/record.ts';
import { declaration, inLanguage } from '../declaration/index.ts';
import { enDialog } from '../i18n/en-dialog.ts';
import { en } from '../i18n/en.ts';
import { frDialog } from '../i18n/fr-dialog.ts';
import { fr } from '../i18n/fr.ts';
import { Preferences } from '../view/Preferences.tsx';
import { core } from '../view/testing.ts';
import { drawWidget } from './draw.ts';

const now = Date.UTC(2026, 10, 23);
const settings = {
  revision: declaration.revision,
  policy: '1.1',
  maxAgeDays: 180,
  gpc: false,
  now: () => now,
  newId: () => 'abcdefgh1234',
};
const decided: ConsentRecord = {
  id: 'storedid0001',
  created: now - 86_400_000,
  updated: now - 86_400_000,
  choices: { preferences: true, statistics: false, advertising: true, social: false },
  revision: declaration.revision,
  policy: '1.1',
  gpc: false,
  method: 'custom',
  services: {},
};

let host: HTMLElement;
let root: ShadowRoot;
let stop: (() => void) | undefined;
/** The dialog's chunk in one language, as dialog-fr.ts and dialog-en.ts give it. */
const dialogIn = async (lang: 'fr' | 'en') => ({
  Preferences,
  words: { strings: lang === 'en' ? enDialog : frDialog, categories: inLanguage(lang) },
});
async function show(
  stored: ConsentRecord | null,
  lang: 'fr' | 'en' = 'en',
  extra: Partial<Settings> = {},
  load = () => dialogIn(lang),
) {
  start({ ...settings, ...extra }, stored);
  await act(() => {
    stop = drawWidget(root, core, {
      strings: lang === 'en' ? en : fr,
      banner: { links: { policy: '/policy/' }, maxAgeDays: 180, purposes: ['a'], partners: ['B'] },
      dialog: { lang, site: 'portal.test', maxAgeDays: 180 },
      load,
      receipts: () => import('./decided.ts'),
    });
  });
}
/** Runs a change of state and lets the view follow it (the drawing follows a moment later). */
const step = async (change: () => void) => {
  await act(change);
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
};
const dialogOpen = () => vi.waitFor(() => expect(root.querySelector('dialog')?.open).toBe(true));
const checkbox = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text);

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
});
afterEach(async () => {
  await act(() => stop?.());
  host.remove();
});

describe('the drawn widget', () => {
  it('shows the banner on a first visit and nothing once a choice stands', async () => {
    await show(null);
    expect(root.querySelector('.cc-banner')).not.toBeNull();
    await step(acceptAll);
    expect(root.querySelector('.cc-banner')).toBeNull();
    expect(root.querySelectorAll('section, dialog')).toHaveLength(0);
  });

  it('announces the banner politely once it is there, and keeps the page’s end reachable above it', async () => {
    await show(null, 'fr');
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Vos choix de témoins'));
    expect(root.activeElement).toBeNull();
    await step(acceptAll);
    expect(root.querySelector('[role="status"]')?.textContent).toBe('');
    expect(document.documentElement.style.paddingBottom).toBe('');
  });

  it('draws nothing for a visitor whose choice stands, until they open the preferences', async () => {
    await show(decided);
    expect(root.querySelectorAll('section, dialog')).toHaveLength(0);
    await step(openPreferences);
    await dialogOpen();
    expect(root.querySelector('.cc-banner')).toBeNull();
  });

  it('opens the dialog with the switches on the decision in force and the title focused', async () => {
    await show(decided);
    await step(openPreferences);
    await dialogOpen();
    expect(checkbox('necessary').checked).toBe(true);
    expect(checkbox('necessary').disabled).toBe(true);
    expect(checkbox('preferences').checked).toBe(true);
    expect(checkbox('statistics').checked).toBe(false);
    expect(checkbox('advertising').checked).toBe(true);
    expect(root.activeElement?.localName).toBe('h2');
  });

  it('saves what the switches say, then closes', async () => {
    await show(decided);
    await step(openPreferences);
    await dialogOpen();
    await step(() => checkbox('statistics').click());
    await step(() => checkbox('advertising').click());
    expect($draft.get()).toMatchObject({ statistics: true, advertising: false });
    await step(() => root.querySelector('form')!.requestSubmit());
    expect($record.get()?.choices).toEqual({ preferences: true, statistics: true, advertising: false, social: false });
    expect($record.get()?.method).toBe('custom');
    expect(root.querySelector('dialog')).toBeNull();
  });

  it('keeps the banner under the dialog until a choice is made, and gives focus back to the button that opened it', async () => {
    await show(null);
    const customise = button('Customize')!;
    customise.focus();
    await step(() => customise.click());
    await dialogOpen();
    expect(root.querySelector('.cc-banner')).not.toBeNull();
    await step(() => root.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true })));
    expect($view.get()).toBe('banner');
    expect(root.querySelector('dialog')).toBeNull();
    expect(root.activeElement).toBe(customise);
  });

  it('offers a switch per service that starts on its category and saves apart from it', async () => {
    await show(decided, 'en', { services: { youtube: 'social', linkedin: 'social' } });
    await step(openPreferences);
    await dialogOpen();
    const youtube = root.querySelector<HTMLInputElement>('input[name="service:youtube"]')!;
    expect(youtube.checked).toBe(false);
    await step(() => youtube.click());
    await step(() => root.querySelector('form')!.requestSubmit());
    expect($record.get()?.services).toEqual({ youtube: true });
    expect($record.get()?.choices.social).toBe(false);
  });

  it('starts the switches over from the decision when the preferences are opened again while open', async () => {
    await show(decided);
    await step(openPreferences);
    await dialogOpen();
    await step(() => checkbox('social').click());
    expect(checkbox('social').checked).toBe(true);
    await step(openPreferences);
    expect(checkbox('social').checked).toBe(false);
    expect($draft.get().social).toBe(false);
  });

  it('goes back to where the person was when the dialog cannot load, and loads it at the next opening', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let attempts = 0;
    await show(decided, 'en', {}, () => (++attempts === 1 ? Promise.reject(new Error('offline')) : dialogIn('en')));
    await step(openPreferences);
    await vi.waitFor(() => expect($view.get()).toBe('hidden'));
    expect(warn).toHaveBeenCalledWith('[consent] the preferences could not load');
    expect(root.querySelector('dialog')).toBeNull();
    await step(openPreferences);
    await dialogOpen();
    expect(attempts).toBe(2);
    warn.mockRestore();
  });

  it('offers the receipt only once there is a decision', async () => {
    await show(null, 'fr');
    await step(openPreferences);
    await dialogOpen();
    expect(button('Télécharger mon reçu de consentement')).toBeUndefined();
    await act(() => stop?.());
    await show(decided, 'fr');
    await step(openPreferences);
    await dialogOpen();
    expect(button('Télécharger mon reçu de consentement')).toBeDefined();
    expect(root.textContent).toContain('Votre choix du');
  });
});
