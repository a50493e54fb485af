// Policy facts the consent bundle is built with: the version in force, the last one requiring renewed consent,
// addresses.
import type { APIRoute } from 'astro';
import { documentState } from '../../documents/collection.ts';
import { paths } from '../../paths.ts';
import { LANGS, site } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const { current, versions } = await documentState('policy', 'fr');
  const inForce = current ? versions.slice(0, versions.indexOf(current) + 1) : [];
  const renewSince = inForce.filter((v) => v.data.renewConsent).at(-1)?.data.version;
  const url = (path: string) => new URL(path, site.url).href;
  const links = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      {
        policy: url(paths.document(lang, 'policy')),
        compare: `${url(paths.compare(lang, 'policy'))}?from={from}&to={to}`,
      },
    ]),
  );
  return Response.json({ policy: current?.data.version ?? '1.0', ...(renewSince ? { renewSince } : {}), links });
};
