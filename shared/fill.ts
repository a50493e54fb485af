// Fills `{name}` placeholders: the one filler for every string table (portal, widget, function, page scripts).
// A placeholder with no value stays as written, so a missing value shows instead of vanishing.
export const fill = (template: string, vars: Record<string, string | number> = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
