// @vitest-environment happy-dom
import { render } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { inLanguage, type Lang, type LocalCategory } from '../declaration/index.ts';
import { dialogT } from '../i18n/dialog.ts';
import { ServiceTable } from './ServiceTable.tsx';

const advertising = (lang: Lang) => inLanguage(lang).find((c) => c.id === 'advertising')!;
const table = (lang: Lang, category: LocalCategory = advertising(lang)) => {
  const el = document.createElement('div');
  render(<ServiceTable category={category} t={dialogT(lang)} />, el);
  return el;
};

describe('declaration table', () => {
  it('lists every declared cookie of a category with its lifetime and who sets it', () => {
    const el = table('en');
    const rows = [...el.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(advertising('en').services.flatMap((s) => s.cookies).length);
    expect(el.textContent).toContain('_fbp');
    expect(el.textContent).toContain('Third party');
    expect(el.querySelector('caption')?.textContent).toBe('Advertising');
  });

  it('names each service once, spanning the rows of its cookies', () => {
    const el = table('fr');
    const googleAds = [...el.querySelectorAll('tbody th')].find((th) => th.textContent === 'Google Ads (Google)');
    expect(googleAds?.getAttribute('rowspan')).toBe('2');
    expect(el.querySelectorAll('tbody th')).toHaveLength(advertising('fr').services.length);
  });

  it('prints at build time (as Astro renders it) exactly what the widget shows', () => {
    for (const lang of ['fr', 'en'] as const)
      for (const category of inLanguage(lang))
        expect(renderToString(<ServiceTable category={category} t={dialogT(lang)} />)).toBe(
          table(lang, category).innerHTML,
        );
  });
});
