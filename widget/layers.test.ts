// What the lint rule cannot say of the widget's layers (biome.json's overrides say the rest and fail `npm run check`:
// no folder reaches into another, the core imports no view, page or UI framework and touches no `document`): the view
// takes none of the core's code at run time, and what every page loads reaches the view only through a lazy import.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const sources = (dir: string) =>
  readdirSync(join(here, dir))
    // Components too; tests and their helpers are not part of any layer.
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$|^testing\./.test(f))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(here, dir, f), 'utf8') }));
/** What a file imports at run time (type-only imports cost nothing and bind nothing). */
const imports = (text: string) => [...text.matchAll(/^import(?! type)[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('widget layers', () => {
  it('keeps the core’s code out of the view: it gets the core’s stores handed over, not bundled twice', () => {
    for (const { file, text } of sources('view'))
      for (const from of imports(text)) expect(from, file).not.toMatch(/embed|\/core\//);
  });

  it('keeps Preact and the view out of what every page loads: the embed reaches them only through a lazy import', () => {
    const entry = readFileSync(join(here, 'embed/index.ts'), 'utf8');
    for (const from of imports(entry)) expect(from, 'embed/index.ts').not.toMatch(/^preact|\/view|mount\.ts/);
    expect(entry).toMatch(/import\('\.\/view-en\.ts'\) : import\('\.\/view-fr\.ts'\)/);
    for (const { file, text } of sources('i18n'))
      for (const from of imports(text)) expect(from, file).not.toMatch(/^(preact|react|vue|lit)/);
  });
});
