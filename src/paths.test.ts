// The addresses the Workers entry must see before its static assets: the forms a page asks without a script.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paths } from './paths.ts';
import { DOCUMENT_IDS, LANGS } from './site.config.ts';

describe('the pages whose forms work without a script', () => {
  it('are each sent to the function first on Workers (wrangler.toml), every document in every language', () => {
    const toml = readFileSync(new URL('../function/wrangler.toml', import.meta.url), 'utf8');
    const listed = JSON.parse(toml.match(/^run_worker_first = (\[.*\])$/m)?.[1] ?? '[]') as string[];
    const asked = LANGS.flatMap((lang) => [paths.search(lang), ...DOCUMENT_IDS.map((id) => paths.compare(lang, id))]);
    expect(asked.filter((path) => !listed.includes(path))).toEqual([]);
  });
});
