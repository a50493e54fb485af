// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { h, type Render } from './h.ts';
import { html } from './html.ts';

describe('h, the browser renderer', () => {
  it('sets attributes, skips false and empty ones, and flattens children', () => {
    const el = h('p', { class: 'x', hidden: false, open: true, title: null, rowspan: 2 }, 'a', false, null, ['b', [h('em', null, 'c')]], 3);
    expect(el.outerHTML).toBe('<p class="x" open="" rowspan="2">ab<em>c</em>3</p>');
  });

  it('turns on<event> attributes into listeners rather than markup', () => {
    const click = vi.fn();
    const el = h('button', { type: 'button', onclick: click }, 'Go');
    el.click();
    expect(click).toHaveBeenCalledOnce();
    expect(el.hasAttribute('onclick')).toBe(false);
  });

  it('keeps text as text: markup in strings is never parsed', () => {
    expect(h('p', null, '<img src=x onerror=alert(1)>').children).toHaveLength(0);
  });
});

describe('html, the build-time renderer', () => {
  it('renders the same markup as h', () => {
    const view = <N>(r: Render<N>) => r('table', { class: 't' }, r('tr', null, r('th', { scope: 'row', rowspan: 2 }, 'A & B'), false, r('td', null, r('code', null, '_ga_*'))));
    expect(view(html).html).toBe(view(h).outerHTML);
  });

  it('escapes text and attribute values, and drops listeners', () => {
    expect(html('a', { href: '/?a=1&b="2"', onclick: () => {} }, '<script>').html).toBe('<a href="/?a=1&amp;b=&quot;2&quot;">&lt;script&gt;</a>');
  });

  it('writes void elements without a closing tag', () => {
    expect(html('input', { type: 'checkbox', checked: true }).html).toBe('<input type="checkbox" checked>');
  });
});
