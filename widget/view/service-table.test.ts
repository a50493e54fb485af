// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { declaration } from '../declaration.ts';
import { widgetT } from '../i18n/index.ts';
import { h } from './h.ts';
import { html } from './html.ts';
import { serviceTable } from './service-table.ts';

const advertising = declaration.categories.find((c) => c.id === 'advertising')!;

describe('declaration table', () => {
  it('lists every declared cookie of a category with its lifetime and who sets it', () => {
    const el = serviceTable(h, advertising, 'en', widgetT('en'));
    const rows = [...el.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(advertising.services.flatMap((s) => s.cookies).length);
    expect(el.textContent).toContain('_fbp');
    expect(el.textContent).toContain('Third party');
    expect(el.querySelector('caption')?.textContent).toBe('Advertising');
  });

  it('names each service once, spanning the rows of its cookies', () => {
    const el = serviceTable(h, advertising, 'fr', widgetT('fr'));
    const googleAds = [...el.querySelectorAll('tbody th')].find((th) => th.textContent === 'Google Ads (Google)');
    expect(googleAds?.getAttribute('rowspan')).toBe('2');
    expect(el.querySelectorAll('tbody th')).toHaveLength(advertising.services.length);
  });

  it('prints at build time exactly what the widget shows', () => {
    for (const category of declaration.categories) {
      for (const lang of ['fr', 'en'] as const) expect(serviceTable(html, category, lang, widgetT(lang)).html).toBe(serviceTable(h, category, lang, widgetT(lang)).outerHTML);
    }
  });
});
