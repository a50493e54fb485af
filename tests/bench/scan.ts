// `npm run bench -- scan`: how fast the cookie scanner goes through a site (the fixture site many.test, twenty pages
// that behave), one pass at a time and three at once: distinct pages per minute, and page visits (every pass counted).
import { performance } from 'node:perf_hooks';
import { FIXTURE_DECLARATION, HOST_RULES, serveFixtures } from '../../scanner/fixtures/sites.ts';
import { compare } from '../../scanner/compare.ts';
import { scan } from '../../scanner/scan.ts';
import { readDeclarationFile } from '../../widget/declaration/content.ts';

export async function scanFigures(): Promise<string> {
  const sites = await serveFixtures();
  const declaration = readDeclarationFile(FIXTURE_DECLARATION);
  const rows: string[] = [];
  try {
    for (const parallel of [1, 3]) {
      const start = performance.now();
      const result = await scan([`${sites.origin('many.test')}/`], {
        declaration,
        pages: 20,
        parallel,
        deadline: Date.now() + 15 * 60_000,
        args: [HOST_RULES],
      });
      const minutes = (performance.now() - start) / 60_000;
      const site = result.sites[0]!;
      const found = compare(result, declaration);
      const row =
        `| ${parallel} | ${site.pages.length} | ${site.visits.length} | ${(minutes * 60).toFixed(1)} | ` +
        `${(site.pages.length / minutes).toFixed(0)} | ${(site.visits.length / minutes).toFixed(0)} | ` +
        `${found.breaches.length} |`;
      console.log(row);
      rows.push(row);
    }
  } finally {
    await sites.close();
  }
  return [
    '| passes at once | pages | page visits | seconds | pages per minute | visits per minute | breaches found |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
