// The published versions as pages need them: one place that reads the collection and knows "today".
import { getCollection, type CollectionEntry } from 'astro:content';
import { DOCUMENTS, DOCUMENT_IDS, LANGS, site, type DocumentId, type Lang } from '../site.config.ts';
import type { BuildSchedule } from '../../shared/day.ts';
import { contactLines } from './contact.ts';
import { toBlocks, type Block } from './blocks.ts';
import { dayIn, inForce, publishedBy, upcoming, versionsOf } from './versions.ts';

export type DocEntry = CollectionEntry<'documents'>;

/**
 * The day the site is built for. Status is derived from it: the Node entry rebuilds on the day a document changes,
 * static hosts daily (docs/administrator.md);
 * PORTAL_TODAY pins it for reproducible builds and tests.
 */
export const today: string = process.env['PORTAL_TODAY'] ?? dayIn(site.timeZone);

/** The day this build is for and the later days on which a document changes (a version published or in force). */
export async function buildSchedule(): Promise<BuildSchedule> {
  const days = (await allVersions()).flatMap((v) => [v.data.published, v.data.effective]);
  return { builtFor: today, timeZone: site.timeZone, changes: [...new Set(days.filter((day) => day > today))].sort() };
}

let cache: Promise<DocEntry[]> | undefined;
export function allVersions(): Promise<DocEntry[]> {
  cache ??= getCollection('documents');
  return cache;
}

export interface DocumentState {
  document: DocumentId;
  lang: Lang;
  /** Oldest first. */
  versions: DocEntry[];
  current: DocEntry | undefined;
  upcoming: DocEntry[];
}

export async function documentState(document: DocumentId, lang: Lang): Promise<DocumentState> {
  const versions = publishedBy(versionsOf(await allVersions(), document, lang), today);
  return { document, lang, versions, current: inForce(versions, today), upcoming: upcoming(versions, today) };
}

/** Every document in every language that has at least one version: the pages to build. */
export async function publishedDocuments(): Promise<DocumentState[]> {
  const states = await Promise.all(
    LANGS.flatMap((lang) => DOCUMENT_IDS.map((document) => documentState(document, lang))),
  );
  return states.filter((s) => s.versions.length > 0);
}

/** A version's text as blocks, with the contact block spelled out as it is displayed. */
export function blocksOf(entry: DocEntry): Block[] {
  return toBlocks(entry.body ?? '', { ContactBlock: () => contactLines(entry.data.lang) });
}

/** The route parameters of a document's pages: `/[lang]/[doc]/…`. */
export function documentParams(state: DocumentState) {
  return { lang: state.lang, doc: DOCUMENTS[state.document].slug[state.lang] };
}
