// Builds the standalone consent bundle into dist/widget/: consent.js for every page (state, cookies, gating), the view
// as a chunk loaded when something must be drawn, and the preferences dialog as one loaded when it is opened. The
// policy facts of the portal's build and the declaration's digest are baked into consent.js, the declaration's words
// into a chunk per language, its cookies into the chunk a decision loads.
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import { cookieDigest, digest, inLanguage, titlesIn, viewDigest } from './declaration.ts';

/** Written by the Astro build (src/pages/widget/defaults.json.ts) from the content collection. */
const policy = JSON.parse(readFileSync(new URL('../dist/widget/defaults.json', import.meta.url), 'utf8'));

/**
 * Terser keeps `@__PURE__` marks in library mode (Vite asks it to, for whoever bundles the output next); nobody bundles
 * these files again, and the marks are 2 % of the gzip size. Dropping a comment changes nothing a browser runs.
 */
const dropPureMarks: Plugin = {
  name: 'citim:drop-pure-marks',
  enforce: 'post',
  generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk') chunk.code = chunk.code.replace(/\/\*\s*[#@]__PURE__\s*\*\//g, '');
  },
};

/** What the classic transform calls, in components only (Vite's `jsxInject` would reach consent.js too). */
const preactH: Plugin = {
  name: 'citim:preact-h',
  enforce: 'pre',
  transform(code, id) {
    return id.endsWith('.tsx') ? `import { h as jsxH, Fragment as JsxFragment } from 'preact';${code}` : undefined;
  },
};

/**
 * @nanostores/preact imports nanostores' `listenKeys` for `useStore(store, { keys })`, which the views never pass; with
 * it comes the deep-map path code, about 390 bytes of gzip on the banner's path. Its import from there resolves to a
 * stand-in that says what is missing if a view ever asks for it.
 */
const NO_KEYS = '\0citim:no-listen-keys';
const storesWithoutKeys: Plugin = {
  name: 'citim:stores-without-keys',
  enforce: 'pre',
  resolveId: (source, importer) =>
    source === 'nanostores' && importer?.includes('/@nanostores/preact/') ? NO_KEYS : undefined,
  load: (id) =>
    id === NO_KEYS
      ? `export function listenKeys() {
           throw new Error('The consent widget is built without useStore(store, { keys }).');
         }`
      : undefined,
};

/** The modules of the view's chunk: what drawing the banner needs (an embed's placeholder adds a chunk to it). */
const VIEW = [
  /\/widget\/(view|i18n)\/(?!(fr|en)\.|banner-)/,
  /\/widget\/embed\/(mount|draw)\.ts/,
  /\/shared\/fill\.ts/,
  // Preact's core only: preact/hooks and @nanostores/preact go with the dialog, the only part that reads the stores.
  /\/node_modules\/preact\/dist\//,
];
/** The dialog's, loaded when it opens, with its words; a blocked embed's placeholder, with its words. */
const NOT_VIEW = /Preferences|ServiceTable|dialog|Placeholder|gate/;

export default defineConfig({
  plugins: [preactH, storesWithoutKeys, dropPureMarks],
  // JSX as Preact's own `h` calls (the classic transform): the automatic one adds preact/jsx-runtime's wrapper, about
  // 260 bytes of gzip on the banner's path. The portal's build (Astro) keeps the automatic one.
  oxc: {
    jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' },
  },
  publicDir: false,
  define: {
    __CONSENT_DEFAULTS__: JSON.stringify({ ...policy, declaration: digest() }),
    // Only the view's chunk names it: the partners a drawn widget names.
    __CONSENT_VIEW__: JSON.stringify(viewDigest()),
    // Each only in its language's chunk of the banner's words: the categories' titles.
    __CONSENT_TITLES_FR__: JSON.stringify(titlesIn('fr')),
    __CONSENT_TITLES_EN__: JSON.stringify(titlesIn('en')),
    // Each only in its language's chunk of the dialog's words: the declaration as the dialog shows it.
    __CONSENT_DECLARATION_FR__: JSON.stringify(inLanguage('fr')),
    __CONSENT_DECLARATION_EN__: JSON.stringify(inLanguage('en')),
    // Only the chunk a decision loads names it: the cookies a refusal deletes.
    __CONSENT_COOKIES__: JSON.stringify(cookieDigest()),
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
              test: (id: string) => VIEW.some((part) => part.test(id)) && !NOT_VIEW.test(id),
            },
          ],
        },
      },
    },
  },
});
