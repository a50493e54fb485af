// Fills `{name}` placeholders: the one filler for every string table (portal, widget, function, page scripts).
// A placeholder with no value stays as written, so a missing value shows instead of vanishing; only the values'
// own members count (a page's polluted Object.prototype is never read as one).
export const fill = (template: string, vars: Record<string, string | number> = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));

/**
 * The form of a counted phrase for this count and language: French says "1 passage", "0 passage", English "0 passages".
 */
export const plural = (lang: string, count: number, forms: { one: string; other: string }) =>
  fill(new Intl.PluralRules(lang).select(count) === 'one' ? forms.one : forms.other, { count });
