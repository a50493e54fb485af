// A calendar day in content's front matter and data (`YYYY-MM-DD`): the one zod schema for the documents' dates and
// the cookie declaration's. Read at build only (the full zod, never in a page's script).
import { z } from 'zod';

/** A calendar day, `YYYY-MM-DD`. YAML turns bare dates into Date objects at UTC midnight: both are accepted. */
export const calendarDay = z
  .union([z.date(), z.string()], { error: 'must be a date written YYYY-MM-DD' })
  .transform((value, ctx) => {
    const text =
      value instanceof Date ? (Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10)) : value;
    const parsed = new Date(`${text}T00:00:00Z`);
    const real =
      /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
    if (!real) {
      ctx.addIssue({ code: 'custom', message: `must be a date written YYYY-MM-DD (got "${String(value)}")` });
      return z.NEVER;
    }
    return text;
  });
