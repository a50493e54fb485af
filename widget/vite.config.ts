// Builds the standalone consent bundle into dist/widget/: consent.js for every page, and the preferences dialog
// as a chunk it loads on demand. The policy facts of the portal's build and the declaration's digest are baked in.
import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { digest } from './declaration.ts';

/** Written by the Astro build (src/pages/widget/defaults.json.ts) from the content collection. */
const policy = JSON.parse(readFileSync(new URL('../dist/widget/defaults.json', import.meta.url), 'utf8'));

export default defineConfig({
  plugins: [preact()],
  publicDir: false,
  define: { __CONSENT_DEFAULTS__: JSON.stringify({ ...policy, declaration: digest() }) },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    modulePreload: false,
    rolldownOptions: {
      input: 'widget/embed/index.ts',
      output: {
        entryFileNames: 'consent.js',
        chunkFileNames: 'consent-[name].[hash].js',
        // Preact, the strings, styles and components that every visible part shares go together in the UI chunk,
        // never into consent.js: a visitor whose choice stands downloads none of it.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'ui', test: (id: string) => /\/widget\/(view|i18n)\/|\/embed\/ui\.ts|\/node_modules\/preact\//.test(id) && !/dialog|[Dd]eclaration/.test(id) }],
        },
      },
    },
  },
});
