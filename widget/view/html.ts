// The same view functions rendered to HTML at build time: the portal's cookie page prints the declaration tables
// the widget shows, from the same code, without shipping any script.
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

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeText = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr']);

function attributes(attrs: Attrs | null | undefined): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function' || value == null || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeText(`${value}`)}"`;
  }
  return out;
}

function content(children: Children<Html>[]): string {
  let out = '';
  for (const child of children.flat(9) as Children<Html>[]) {
    if (child == null || child === false) continue;
    out += child instanceof Html ? child.html : escapeText(`${child}`);
  }
  return out;
}

export const html: Render<Html> = (tag, attrs, ...children) => new Html(`<${tag}${attributes(attrs)}>${VOID.has(tag) ? '' : `${content(children)}</${tag}>`}`);
