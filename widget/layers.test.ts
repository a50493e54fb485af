// The widget's three parts depend one way: embed → view → core. The core is plain TypeScript that never touches the page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const here = import.meta.dirname;
const sources = (dir: string) =>
  readdirSync(join(here, dir))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(here, dir, f), 'utf8') }));
const imports = (text: string) => [...text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('widget layers', () => {
  it('keeps the core free of the view, the embed, the page and any UI library', () => {
    for (const { file, text } of sources('core')) {
      for (const from of imports(text)) expect(from, file).toMatch(/^\.\/|^\.\.\/\.\.\/shared\/consent(-receipt)?\.ts$|^nanostores$/);
      // Comments may name `document.cookie`; code may not reach for the page.
      const code = text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, '');
      expect(code, file).not.toMatch(/\b(document|window|localStorage|navigator)\b/);
    }
  });

  it('keeps the view free of the embed: it renders what the core holds, and the embed decides where', () => {
    for (const { file, text } of sources('view')) for (const from of imports(text)) expect(from, file).not.toMatch(/embed/);
  });

  it('ships no UI framework: the view renders with its own 20-line builder', () => {
    for (const dir of ['core', 'view', 'embed', 'i18n']) {
      for (const { file, text } of sources(dir)) for (const from of imports(text)) expect(from, file).not.toMatch(/^(preact|react|vue|lit)/);
    }
  });
});
