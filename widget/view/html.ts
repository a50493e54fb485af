// The same view functions rendered to HTML at build time: the portal's cookie page prints the declaration tables
// the widget shows, from the same code, without shipping any script.
import { escapeHtml } from '../../shared/escape-html.ts';
import type { Attrs, Children, Render } from './h.ts';

/** Markup already escaped, as opposed to text. */
export class Html {
  readonly html: string;
  constructor(html: string) {
    this.html = html;
  }
  toString(): string {
    return this.html;
  }
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr']);

function attributes(attrs: Attrs | null | undefined): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function' || value == null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(`${value}`)}"`;
  }
  return out;
}

function content(children: Children<Html>[]): string {
  let out = '';
  for (const child of children.flat(9) as Children<Html>[]) {
    if (child == null || child === false) continue;
    out += child instanceof Html ? child.html : escapeHtml(`${child}`);
  }
  return out;
}

export const html: Render<Html> = (tag, attrs, ...children) => new Html(`<${tag}${attributes(attrs)}>${VOID.has(tag) ? '' : `${content(children)}</${tag}>`}`);
