// One version's text as blocks, fetched by the compare page to compute comparisons in the browser.
import type { APIRoute, GetStaticPaths } from 'astro';
import { blocksOf, documentParams, publishedDocuments, type DocEntry } from '../../../../documents/collection.ts';

export const getStaticPaths = (async () =>
  (await publishedDocuments()).flatMap((state) =>
    state.versions.map((entry) => ({
      params: { ...documentParams(state), version: entry.data.version },
      props: { entry },
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(blocksOf((props as { entry: DocEntry }).entry));
