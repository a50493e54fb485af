// A CSV cell, safe to open in a spreadsheet: the request export and the audit log's both write through it.

/**
 * The cell's text, quoted when it holds a comma, a quote or a line break; a leading = + - @ (or a tab or carriage
 * return) is prefixed with an apostrophe, so that a spreadsheet shows it rather than runs it as a formula (OWASP, CSV
 * injection).
 */
export function csvCell(value: unknown): string {
  const text = value == null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A line of cells, ended the way RFC 4180 says. */
export const csvLine = (cells: readonly unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
