// @vitest-environment happy-dom
import { hydrate } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTranslations } from '../i18n/index.ts';
import { CompareApp } from './CompareApp.tsx';
import { compareAppWords } from './words.ts';

const versions = ['1.0', '1.1', '1.2'].map((value) => ({ value, label: value }));
const app = (
  <CompareApp
    lang="fr"
    words={compareAppWords(useTranslations('fr'))}
    versions={versions}
    from="1.1"
    to="1.2"
    action="/fr/politique-de-confidentialite/comparer/"
    blocks="/blocks/{version}.json"
  />
);

function page(search = '') {
  history.replaceState(null, '', `/fr/politique-de-confidentialite/comparer/${search}`);
  const link = '<a data-lang-switch href="/en/privacy-policy/compare/">EN</a>';
  document.body.innerHTML = `${link}<div id="island">${renderToString(app)}</div>`;
  // happy-dom applies only the document's first `selected` option; a browser applies each list's own.
  for (const option of document.querySelectorAll<HTMLOptionElement>('option[selected]')) option.selected = true;
  return document.getElementById('island')!;
}

const choose = (root: HTMLElement, id: string, value: string) => {
  root.querySelector<HTMLSelectElement>(`#${id}`)!.value = value;
};

afterEach(() => vi.unstubAllGlobals());

describe('comparison form woken after the person chose', () => {
  it('compares the versions the lists show, and carries them to the other language', async () => {
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response('[]');
    });
    const root = page();
    choose(root, 'compare-from', '1.0');
    await act(() => hydrate(app, root));
    await act(async () => {
      root.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    });
    expect(location.search).toBe('?from=1.0&to=1.2');
    expect(asked.sort()).toEqual(['/blocks/1.0.json', '/blocks/1.2.json']);
    expect(document.querySelector('[data-lang-switch]')!.getAttribute('href')).toBe(
      '/en/privacy-policy/compare/?from=1.0&to=1.2',
    );
    expect(root.querySelector<HTMLSelectElement>('#compare-from')!.value).toBe('1.0');
  });

  it('lets the address win over the lists when it names two versions', async () => {
    vi.stubGlobal('fetch', async () => new Response('[]'));
    const root = page('?from=1.2&to=1.0');
    choose(root, 'compare-to', '1.1');
    await act(async () => hydrate(app, root));
    expect(root.querySelector<HTMLSelectElement>('#compare-from')!.value).toBe('1.2');
    expect(root.querySelector<HTMLSelectElement>('#compare-to')!.value).toBe('1.0');
  });
});
