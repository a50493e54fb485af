// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $draft, $record, $view, acceptAll, openPreferences, start } from '../core/consent.ts';
import type { ConsentRecord } from '../core/record.ts';
import { declaration } from '../declaration.ts';
import { widgetT } from '../i18n/index.ts';
import { renderWidget } from './root.ts';

const now = Date.UTC(2026, 10, 23);
const settings = { revision: declaration.revision, policy: '1.1', maxAgeDays: 180, gpc: false, now: () => now, newId: () => 'abcdefgh1234' };
const decided: ConsentRecord = {
  id: 'storedid0001',
  created: now - 86_400_000,
  updated: now - 86_400_000,
  choices: { preferences: true, statistics: false, advertising: true, social: false },
  revision: declaration.revision,
  policy: '1.1',
  gpc: false,
  method: 'custom',
};

let host: HTMLElement;
let root: ShadowRoot;
let stop: () => void;
function render(stored: ConsentRecord | null, lang: 'fr' | 'en' = 'en') {
  start(settings, stored);
  stop = renderWidget(root, { t: widgetT(lang), lang, links: { policy: '/policy/' }, maxAgeDays: 180, site: 'portal.test' });
}
const checkbox = (name: string) => root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = host.attachShadow({ mode: 'open' });
});
afterEach(() => {
  stop();
  host.remove();
});

describe('widget root', () => {
  it('shows the banner on a first visit and nothing once a choice stands', () => {
    render(null);
    expect(root.querySelector('.cc-banner')).not.toBeNull();
    acceptAll();
    expect(root.querySelector('.cc-banner')).toBeNull();
    expect(root.children).toHaveLength(0);
  });

  it('draws nothing for a visitor whose choice stands, until they open the preferences', () => {
    render(decided);
    expect(root.children).toHaveLength(0);
    openPreferences();
    expect(root.querySelector('dialog')?.open).toBe(true);
    expect(root.querySelector('.cc-banner')).toBeNull();
  });

  it('opens the dialog with the switches on the decision in force and the title focused', () => {
    render(decided);
    openPreferences();
    expect(checkbox('necessary').checked).toBe(true);
    expect(checkbox('necessary').disabled).toBe(true);
    expect(checkbox('preferences').checked).toBe(true);
    expect(checkbox('statistics').checked).toBe(false);
    expect(checkbox('advertising').checked).toBe(true);
    expect(root.activeElement?.localName).toBe('h2');
  });

  it('saves what the switches say, then closes', () => {
    render(decided);
    openPreferences();
    checkbox('statistics').click();
    checkbox('advertising').click();
    expect($draft.get()).toMatchObject({ statistics: true, advertising: false });
    root.querySelector('form')!.requestSubmit();
    expect($record.get()?.choices).toEqual({ preferences: true, statistics: true, advertising: false, social: false });
    expect($record.get()?.method).toBe('custom');
    expect(root.querySelector('dialog')).toBeNull();
  });

  it('keeps the banner under the dialog until a choice is made, and gives focus back to the button that opened it', () => {
    render(null);
    const customise = button('Customise');
    customise.focus();
    customise.click();
    expect(root.querySelector('dialog')?.open).toBe(true);
    expect(root.querySelector('.cc-banner')).not.toBeNull();
    root.querySelector('dialog')!.dispatchEvent(new Event('cancel', { cancelable: true }));
    expect($view.get()).toBe('banner');
    expect(root.querySelector('dialog')).toBeNull();
    expect(root.activeElement).toBe(customise);
  });

  it('starts the switches over from the decision when the preferences are opened again while open', () => {
    render(decided);
    openPreferences();
    checkbox('social').click();
    expect(checkbox('social').checked).toBe(true);
    openPreferences();
    expect(checkbox('social').checked).toBe(false);
    expect($draft.get().social).toBe(false);
  });

  it('offers the receipt only once there is a decision', () => {
    render(null, 'fr');
    openPreferences();
    expect(button('Télécharger mon reçu de consentement')).toBeUndefined();
    stop();
    root.replaceChildren();
    render(decided, 'fr');
    openPreferences();
    expect(button('Télécharger mon reçu de consentement')).toBeDefined();
    expect(root.textContent).toContain('Votre choix du');
  });
});
