// Fills `{name}` placeholders in a string the page handed to a script (the page's own strings stay on the page).
export const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
