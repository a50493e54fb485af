// Builds the standalone consent bundle into dist/widget/: consent.js for every page (state, cookies, gating), the view
// as a chunk loaded when something must be drawn, and the preferences dialog as one loaded when it is opened. The
// policy facts of the portal's build and the declaration's digest are baked into consent.js.
import { readFileSync } from 'node:fs';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { digest } from './declaration.ts';

/** Written by the Astro build (src/pages/widget/defaults.json.ts) from the content collection. */
const policy = JSON.parse(readFileSync(new URL('../dist/widget/defaults.json', import.meta.url), 'utf8'));

export default defineConfig({
  plugins: [preact()],
  publicDir: false,
  define: {
    __CONSENT_DEFAULTS__: JSON.stringify({ ...policy, declaration: digest() }),
    // Library mode leaves this to the page; nanostores reads it to drop its development helpers.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: false,
    target: 'es2022',
    // Terser with three passes: about 1.5 % smaller gzip than the default minifier, for a bundle with a hard budget.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 3 } },
    // Library mode: Vite adds no preload helper around the dynamic imports (1.5 kB it would add to every page).
    lib: { entry: 'widget/embed/index.ts', formats: ['es'] },
    rolldownOptions: {
      // consent.js exports nothing: what it shares with the view may be merged into it.
      preserveEntrySignatures: false,
      output: {
        entryFileNames: 'consent.js',
        // Fingerprinted, so served as immutable; consent.js, whose address other sites use, is cached briefly.
        chunkFileNames: 'consent-[name].[hash].js',
        // Preact, the strings, styles and what every visible part shares go together in the view chunk, never into
        // consent.js; the dialog and the full declaration stay in their own.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: 'view',
              test: (id: string) =>
                /\/widget\/(view|i18n)\/(?!fr\.|en\.)|\/embed\/mount\.ts|\/shared\/fill\.ts|\/node_modules\/(preact|@nanostores\/preact|nanostores\/(listen-keys|deep-map))\//.test(
                  id,
                ) && !/Preferences|ServiceTable|dialog/.test(id),
            },
          ],
        },
      },
    },
  },
});
