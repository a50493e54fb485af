// The content collections: every version of every document, one MDX file per version per language under content/.
import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { glob, type Loader } from 'astro/loaders';
import { documentVersionSchema } from './documents/schema.ts';
import { contactLines } from './documents/contact.ts';
import {
  checkCollection,
  checkDateLiterals,
  checkSlips,
  formatProblems,
  pendingConfirmations,
  type VersionEntry,
} from './documents/versions.ts';

/** The folder holding content/<document>/<lang>/<version>.mdx; the benchmark points it at synthetic collections. */
const base = process.env['PORTAL_CONTENT_DIR'] ?? './content';

/** The glob loader, keeping `policy/fr/1.1` as the id, then the checks that span versions. */
function versionedDocuments(): Loader {
  const files = glob({ base, pattern: '**/*.mdx', generateId: ({ entry }) => entry.replace(/\.mdx$/, '') });
  return {
    name: 'versioned-documents',
    async load(context) {
      await files.load(context);
      const entries = [...context.store.values()] as unknown as VersionEntry[];
      const literal = await Promise.all(
        entries.map(async (e) => {
          if (!e.filePath) return [];
          const source = await readFile(e.filePath, 'utf8');
          const shown = `${source}\n${contactLines(e.data.lang).join('\n')}`;
          return [...checkDateLiterals(e.filePath, source, e.data), ...checkSlips(e.filePath, shown, e.data)];
        }),
      );
      const problems = [...literal.flat(), ...checkCollection(entries)];
      if (problems.length > 0) {
        throw new Error(`The documents in ${base} are inconsistent:\n${formatProblems(problems)}`);
      }
      // Said at every build until settled: dates chosen by the editors, slips of the original left as they stand.
      for (const line of pendingConfirmations(entries)) context.logger.warn(line);
    },
  };
}

export const collections = {
  documents: defineCollection({ loader: versionedDocuments(), schema: documentVersionSchema }),
};
