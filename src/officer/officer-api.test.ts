// The inbox speaks to the server through one client: no other file of it calls `fetch`, and the function reaches it
// only as types (the routes' own, function/routes/officer-types.ts), never as code in the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const sources = readdirSync(here)
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => ({ file: f, text: readFileSync(join(here, f), 'utf8') }));

describe('the inbox’s client', () => {
  it('is the only place that calls the network', () => {
    const calling = sources.filter(({ text }) => /\bfetch\(/.test(text)).map(({ file }) => file);
    expect(calling).toEqual(['officer-api.ts']);
    for (const { file, text } of sources)
      if (file !== 'officer-api.ts') expect(text, file).not.toMatch(/\/api\/officer/);
  });

  it('takes the function’s routes as types only, from the one file meant for it', () => {
    for (const { file, text } of sources)
      for (const [line, from] of text.matchAll(/^import[^'"]*['"]([^'"]*\/function\/[^'"]*)['"]/gm)) {
        expect(from, file).toBe('../../function/routes/officer-types.ts');
        expect(line, file).toMatch(/^import type /);
      }
    const types = readFileSync(join(here, '../../function/routes/officer-types.ts'), 'utf8');
    expect(types.match(/^(import|export)\b.*$/gm)?.every((l) => /^(import|export) type /.test(l))).toBe(true);
  });
});
