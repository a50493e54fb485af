// The view's one rendering primitive: real elements from a tag, attributes and children. The widget draws a banner
// and a dialog a few times per visit, so it builds them whole instead of diffing (see README, "Consent widget").

/** What a view function may put inside an element; `false`, `null` and `undefined` render nothing. */
export type Children<N> = N | string | number | false | null | undefined | Children<N>[];

/** Attributes by their HTML name; `on<event>` values are listeners; `true` is an empty attribute, `false` none. */
export type Attrs = Record<string, string | number | boolean | null | undefined | ((event: never) => void)>;

/** A renderer: ./h.ts in the browser, ./html.ts at build time. View functions shared by both take it as a parameter. */
export type Render<N> = (tag: string, attrs?: Attrs | null, ...children: Children<N>[]) => N;

export const h: Render<HTMLElement> = (tag, attrs, ...children) => {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value as EventListener);
    else if (value != null && value !== false) el.setAttribute(name, value === true ? '' : `${value}`);
  }
  for (const child of children.flat(9)) if (child != null && child !== false) el.append(child as Node | string);
  return el;
};
