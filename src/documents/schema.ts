// The front matter of one version of one document in one language: declared once, used by
// content.config.ts, the cross-version checks and the tests.
import { z } from 'astro/zod';
import { calendarDay } from '../../shared/calendar-day.ts';
import { DOCUMENT_IDS, LANGS } from '../site.config.ts';

export const VERSION_PATTERN = /^\d+\.\d+$/;

export const documentVersionSchema = z
  .strictObject({
    /** Which document this is a version of; one of the keys of DOCUMENTS in src/site.config.ts. */
    document: z.enum(DOCUMENT_IDS, { error: `must be one of: ${DOCUMENT_IDS.join(', ')}` }),
    /** Version label, `major.minor`: a minor step for editorial corrections, a major one for changes of substance. */
    version: z
      .string({
        error: (issue) =>
          issue.input === undefined
            ? 'is required (for example "1.0")'
            : "must be in quotes, like version: '1.1' (unquoted, YAML reads 1.10 as the number 1.1)",
      })
      .regex(VERSION_PATTERN, 'must be written major.minor, for example "1.1"'),
    /** Language of this text. French is authoritative; any other language is an unofficial translation. */
    lang: z.enum(LANGS, { error: `must be one of: ${LANGS.join(', ')}` }),
    /** Title shown at the top of the page and in the feed. */
    title: z.string({ error: 'is required' }).trim().min(1, 'must not be empty'),
    /**
     * Day this version takes effect (midnight, Montreal time). Status (upcoming, in force, superseded) is derived from
     * it.
     */
    effective: calendarDay,
    /** Day this version was first published on the portal; on or before the effective date. */
    published: calendarDay,
    /** What changed since the previous version, in this language; for a first version, what the document is. */
    summary: z.string({ error: 'is required: say what changed' }).trim().min(1, 'must not be empty: say what changed'),
    /**
     * Whether this change is material enough that people must be asked for their consent again when it takes effect.
     */
    renewConsent: z.boolean({ error: 'must be true or false' }).default(false),
    /**
     * For a translation: the id of the authoritative version it translates (`policy/fr/1.1`).
     * Must name an existing French version of the same document and version.
     */
    translationOf: z.string().optional(),
    /** Front matter fields whose values were chosen by the editors and await the organisation's confirmation. */
    toConfirm: z.array(z.enum(['effective', 'published'])).default([]),
    /**
     * Passages of the original that look like slips but are not ours to correct silently: each quoted exactly as it
     * stands (in the text or in the contact block it shows), with what was probably meant. The build lists them until
     * the organisation confirms and a new version fixes them.
     */
    slips: z
      .array(
        z.object({
          text: z.string().trim().min(1, 'must quote the passage as it stands'),
          note: z.string().trim().min(1, 'must say what was probably meant'),
        }),
      )
      .default([]),
  })
  .superRefine((data, ctx) => {
    if (data.published > data.effective) {
      ctx.addIssue({
        code: 'custom',
        path: ['published'],
        message: `must be on or before the effective date (${data.effective})`,
      });
    }
    if (data.lang !== 'fr' && !data.translationOf) {
      ctx.addIssue({
        code: 'custom',
        path: ['translationOf'],
        message: 'is required for a translation: name the French version it translates, like "policy/fr/1.0"',
      });
    }
    if (data.lang === 'fr' && data.translationOf) {
      ctx.addIssue({
        code: 'custom',
        path: ['translationOf'],
        message: 'must be absent on a French version: French is the authoritative text',
      });
    }
  });

export type DocumentVersionData = z.output<typeof documentVersionSchema>;
