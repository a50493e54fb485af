// The content collections: every version of every document, one MDX file per version per language under content/.
import { defineCollection } from 'astro:content';
import { readFile } from 'node:fs/promises';
import { glob, type Loader } from 'astro/loaders';
import { documentVersionSchema } from './documents/schema.ts';
import { checkCollection, checkDateLiterals, formatProblems, type VersionEntry } from './documents/versions.ts';

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
        entries.map(async (e) =>
          e.filePath ? checkDateLiterals(e.filePath, await readFile(e.filePath, 'utf8'), e.data) : [],
        ),
      );
      const problems = [...literal.flat(), ...checkCollection(entries)];
      if (problems.length > 0) {
        throw new Error(`The documents in ${base} are inconsistent:\n${formatProblems(problems)}`);
      }
    },
  };
}

export const collections = {
  documents: defineCollection({ loader: versionedDocuments(), schema: documentVersionSchema }),
};
