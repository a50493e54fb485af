// Builds the standalone consent bundle: one file, dist/widget/consent.js, with its styles and both languages inside.
// The policy facts of the portal's build (version in force, links) are baked in.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/** Written by the Astro build (src/pages/widget/defaults.json.ts) from the content collection. */
const policy = JSON.parse(readFileSync(new URL('../dist/widget/defaults.json', import.meta.url), 'utf8'));

export default defineConfig({
  publicDir: false,
  define: { __CONSENT_DEFAULTS__: JSON.stringify(policy) },
  build: {
    outDir: 'dist/widget',
    emptyOutDir: false,
    target: 'es2022',
    // Terser with three passes: about 1.5 % smaller gzip than the default minifier, for a bundle with a hard budget.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 3 } },
    modulePreload: false,
    rolldownOptions: {
      input: 'widget/embed/index.ts',
      output: { entryFileNames: 'consent.js' },
    },
  },
});
