// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $record, $view, start } from '../core/consent.ts';
import { digest } from '../declaration.ts';
import { widgetT } from '../i18n/index.ts';
import { Banner } from './Banner.tsx';
import { ServiceTable } from './Declaration.tsx';
import { declaration } from '../declaration.ts';
import { dialogT } from '../i18n/index.ts';

const settings = { revision: digest().revision, policy: '1.1', maxAgeDays: 180, gpc: false, now: () => Date.UTC(2026, 10, 23), newId: () => 'abcdefgh1234' };
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('banner', () => {
  it('offers accept, refuse and customise as three buttons of the same kind', () => {
    start(settings, null);
    render(<Banner t={widgetT('fr')} renewal={null} gpc={false} links={{ policy: '/fr/politique/' }} maxAgeDays={180} />, root);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Tout accepter', 'Tout refuser', 'Personnaliser']);
    expect(new Set(buttons.map((b) => b.className)).size).toBe(1);
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/fr/politique/');
    buttons[1]!.click();
    expect($record.get()?.method).toBe('refuse-all');
    expect($view.get()).toBe('hidden');
  });

  it('says why it asks again and links to the comparison between the accepted and the current policy', () => {
    render(
      <Banner
        t={widgetT('en')}
        renewal={{ reason: 'policy', from: '1.1', to: '2.0' }}
        gpc={false}
        links={{ compare: '/en/policy/compare/?from={from}&to={to}' }}
        maxAgeDays={180}
      />,
      root,
    );
    expect(root.textContent).toContain('Our privacy policy has changed since your last choice (version 1.1 → 2.0)');
    expect(root.querySelector('a')?.getAttribute('href')).toBe('/en/policy/compare/?from=1.1&to=2.0');
  });

  it('tells the person their Global Privacy Control signal is honoured', () => {
    render(<Banner t={widgetT('fr')} renewal={null} gpc links={{}} maxAgeDays={180} />, root);
    expect(root.textContent).toContain('Global Privacy Control');
  });
});

describe('declaration table', () => {
  it('lists every declared cookie of a category with its lifetime and who sets it', () => {
    const advertising = declaration.categories.find((c) => c.id === 'advertising')!;
    render(<ServiceTable category={advertising} lang="en" t={dialogT('en')} />, root);
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(advertising.services.flatMap((s) => s.cookies).length);
    expect(root.textContent).toContain('_fbp');
    expect(root.textContent).toContain('Third party');
    expect(root.querySelector('caption')?.textContent).toBe('Advertising');
  });
});
