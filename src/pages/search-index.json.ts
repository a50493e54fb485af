// The documents' text for the Node entry's search without a script (shared/search.ts): each document in force, and
// each superseded version, by section. The page's own search uses Pagefind's index instead.
import type { APIRoute } from 'astro';
import { blocksOf, publishedDocuments, today } from '../documents/collection.ts';
import { statusOf } from '../documents/versions.ts';
import { useTranslations } from '../i18n/index.ts';
import { paths } from '../paths.ts';
import type { SearchPage, SearchSection } from '../../shared/search.ts';
import type { Block } from '../documents/blocks.ts';

/** A version's blocks as sections: a new one at each second-level heading. */
function sectionsOf(blocks: readonly Block[]): SearchSection[] {
  const sections: SearchSection[] = [{ heading: '', text: '' }];
  for (const block of blocks) {
    if (block.kind === 'h2') sections.push({ heading: block.text, anchor: block.id, text: '' });
    else sections.at(-1)!.text += `${sections.at(-1)!.text ? ' ' : ''}${block.text}`;
  }
  return sections.filter((s) => s.heading || s.text);
}

export const GET: APIRoute = async () => {
  const pages: SearchPage[] = [];
  for (const state of await publishedDocuments()) {
    const t = useTranslations(state.lang);
    const document = `${state.lang}/${state.document}`;
    const title = t(`doc.${state.document}`);
    for (const entry of state.versions) {
      const status = statusOf(entry, state.versions, today);
      const sections = sectionsOf(blocksOf(entry));
      if (entry === state.current)
        pages.push({ lang: state.lang, document, title, url: paths.document(state.lang, state.document), sections });
      else if (status === 'superseded') {
        const url = paths.version(state.lang, state.document, entry.data.version);
        pages.push({ lang: state.lang, document, title, url, version: entry.data.version, sections });
      }
    }
  }
  return Response.json(pages);
};
