// The Atom feed of a document's versions in one language.
import type { APIRoute, GetStaticPaths } from 'astro';
import { documentParams, publishedDocuments, type DocumentState } from '../../../documents/collection.ts';
import { atomFeed } from '../../../documents/feed.ts';
import { formatDay, useTranslations } from '../../../i18n/index.ts';
import { paths } from '../../../paths.ts';
import { site } from '../../../site.config.ts';

export const getStaticPaths = (async () =>
  (await publishedDocuments()).map((state) => ({
    params: documentParams(state),
    props: { state },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { state } = props as { state: DocumentState };
  const { lang, document, versions } = state;
  const t = useTranslations(lang);
  const url = (path: string) => new URL(path, site.url).href;
  const title = (state.current ?? versions[0])!.data.title;
  const body = atomFeed({
    id: url(paths.document(lang, document)),
    title: t('feed.title', { title }),
    lang,
    self: url(paths.feed(lang, document)),
    link: url(paths.document(lang, document)),
    author: site.contact.organisation,
    timeZone: site.timeZone,
    entries: versions.map((v) => ({
      id: url(paths.version(lang, document, v.data.version)),
      // A date still to be confirmed says so here too.
      title:
        t('feed.entryTitle', { version: v.data.version, date: formatDay(v.data.effective, lang) }) +
        (v.data.toConfirm.includes('effective') ? ` ${t('doc.toConfirm')}` : ''),
      link: url(paths.version(lang, document, v.data.version)),
      published: v.data.published,
      updated: v.data.published,
      summary: v.data.summary,
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
