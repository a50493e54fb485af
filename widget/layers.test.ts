// The widget's three parts depend one way: embed → view → core. The core is plain TypeScript that never touches the page;
// the view (Preact) loads only when something must be drawn.
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
  it('keeps the core free of the view, the embed, the page and any UI library', () => {
    for (const { file, text } of sources('core')) {
      for (const from of imports(text)) expect(from, file).toMatch(/^\.\/|^\.\.\/\.\.\/shared\/consent(-receipt)?\.ts$|^nanostores$/);
      // Comments may name `document.cookie`; code may not reach for the page.
      const code = text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      expect(code, file).not.toMatch(/\b(document|window|localStorage|navigator)\b/);
    }
  });

  it('keeps the view free of the embed, and of the core’s code: it gets the core’s stores handed over, not bundled twice', () => {
    for (const { file, text } of sources('view')) for (const from of imports(text)) expect(from, file).not.toMatch(/embed|\/core\//);
  });

  it('keeps Preact and the view out of what every page loads: the embed reaches them only through a lazy import', () => {
    const entry = readFileSync(join(here, 'embed/index.ts'), 'utf8');
    for (const from of imports(entry)) expect(from, 'embed/index.ts').not.toMatch(/^preact|\/view\/|mount\.ts/);
    expect(entry).toMatch(/import\('\.\/mount\.ts'\)/);
    for (const { file, text } of [...sources('core'), ...sources('i18n')]) for (const from of imports(text)) expect(from, file).not.toMatch(/^(preact|react|vue|lit)/);
  });
});
