// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { $record, $view, start } from '../core/consent.ts';
import { declaration } from '../declaration/index.ts';
import { widgetT } from '../i18n/index.ts';
import { Banner, type BannerProps } from './Banner.tsx';
import { core } from './testing.ts';

const settings = {
  revision: declaration.revision,
  policy: '1.1',
  maxAgeDays: 180,
  gpc: false,
  now: () => Date.UTC(2026, 10, 23),
  newId: () => 'abcdefgh1234',
};
const base = {
  renewal: null,
  gpc: false,
  links: {},
  maxAgeDays: 180,
  purposes: ['statistiques', 'publicité'],
  partners: ['Google', 'Meta'],
};
const banner = (props: Partial<BannerProps> & Pick<BannerProps, 't'>) => {
  const el = document.createElement('div');
  render(<Banner {...base} core={core} {...props} />, el);
  return el;
};

beforeEach(() => start(settings, null));

describe('banner', () => {
  it('offers accept, refuse and customise as three buttons of the same kind', () => {
    const el = banner({ t: widgetT('fr'), links: { policy: '/fr/politique/' } });
    const buttons = [...el.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Tout accepter', 'Tout refuser', 'Personnaliser']);
    expect(new Set(buttons.map((b) => `${b.className}|${b.type}`)).size).toBe(1);
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/fr/politique/');
    buttons[1]!.click();
    expect($record.get()?.method).toBe('refuse-all');
    expect($view.get()).toBe('hidden');
  });

  it('names the purposes and the partners before any choice', () => {
    const el = banner({ t: widgetT('fr') });
    expect(el.textContent).toContain(
      'nous et nos 2 partenaires (Google, Meta) utilisons des témoins et traceurs pour : statistiques, publicité.',
    );
  });

  it('opens the preferences from "Customise" without deciding anything', () => {
    const el = banner({ t: widgetT('en') });
    el.querySelectorAll('button')[2]!.click();
    expect($view.get()).toBe('preferences');
    expect($record.get()).toBeNull();
  });

  it('says why it asks again and links to the comparison between the accepted and the current policy', () => {
    const el = banner({
      t: widgetT('en'),
      renewal: { reason: 'policy', from: '1.1', to: '2.0' },
      links: { compare: '/en/policy/compare/?from={from}&to={to}' },
    });
    expect(el.textContent).toContain('Our privacy policy has changed since your last choice (version 1.1 → 2.0)');
    expect(el.querySelector('a')?.getAttribute('href')).toBe('/en/policy/compare/?from=1.1&to=2.0');
  });

  it('names the expiry period when a choice has grown old', () => {
    const el = banner({ t: widgetT('fr'), renewal: { reason: 'expired' }, maxAgeDays: 90 });
    expect(el.querySelector('[data-renewal="expired"]')?.textContent).toContain('plus de 90 jours');
  });

  it('tells the person their Global Privacy Control signal is honoured', () => {
    expect(banner({ t: widgetT('fr'), gpc: true }).textContent).toContain('Global Privacy Control');
    expect(banner({ t: widgetT('fr') }).textContent).not.toContain('Global Privacy Control');
  });
});
