// Builds the consent widget into dist/widget/ (`npm run build`, after Astro's build): the view once per language, then
// consent.js, which names each language's view by its fingerprinted file, then consent-mode.js. The policy facts of
// the portal's build and the declaration's digest go into consent.js, the declaration's words into each language's
// files, its cookies into what a decision loads.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type InlineConfig, mergeConfig, type Plugin, type Rolldown } from 'vite';
import { LANGS } from '../shared/consent.ts';
import type { Lang } from './core/categories.ts';
import { cookieDigest, declaration, digest, inLanguage, titlesIn, viewDigest } from './declaration/index.ts';

/** Beside the portal's build: dist/, or where PORTAL_DIST says (the build bench builds elsewhere). */
const outDir = resolve(import.meta.dirname, '..', process.env['PORTAL_DIST'] ?? 'dist', 'widget');
/** Written by the Astro build (src/pages/widget/defaults.json.ts) from the content collection. */
const policy = JSON.parse(readFileSync(resolve(outDir, 'defaults.json'), 'utf8'));

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
 * it comes the deep-map path code, about 390 bytes of gzip on the dialog's path. Its import from there resolves to a
 * stand-in that says what is missing if a view ever asks for it.
 */
const NO_KEYS = '\0citim:no-listen-keys';
const storesWithoutKeys: Plugin = {
  name: 'citim:stores-without-keys',
  enforce: 'pre',
  resolveId: (source, importer) =>
    source === 'nanostores' && importer?.includes('/@nanostores/preact/') ? NO_KEYS : undefined,
  load: (id) =>
    id === NO_KEYS ? `export function listenKeys() { throw Error('useStore: no keys here'); }` : undefined,
};

/** What every part of the widget is built with. */
const base: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  plugins: [preactH, storesWithoutKeys, dropPureMarks],
  // JSX as Preact's own `h` calls (the classic transform): the automatic one adds preact/jsx-runtime's wrapper, about
  // 260 bytes of gzip on the banner's path. The portal's build (Astro) keeps the automatic one.
  oxc: { jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' } },
  publicDir: false,
  define: {
    // Each part names only what it reads; the rest is dropped with the code that does not reach it.
    __CONSENT_DEFAULTS__: JSON.stringify({
      policy: policy.policy,
      renewSince: policy.renewSince,
      declaration: digest(),
    }),
    // The partners a drawn widget names.
    __CONSENT_VIEW__: JSON.stringify(viewDigest()),
    // Each language's: the categories' titles (banner, placeholder), the declaration as the dialog shows it.
    __CONSENT_TITLES_FR__: JSON.stringify(titlesIn('fr')),
    __CONSENT_TITLES_EN__: JSON.stringify(titlesIn('en')),
    __CONSENT_DECLARATION_FR__: JSON.stringify(inLanguage('fr')),
    __CONSENT_DECLARATION_EN__: JSON.stringify(inLanguage('en')),
    // What a decision loads: the cookies a refusal deletes.
    __CONSENT_COOKIES__: JSON.stringify(cookieDigest()),
    // Library mode leaves this to the page; nanostores reads it to drop its development helpers.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir,
    emptyOutDir: false,
    target: 'es2022',
    // Terser with three passes: about 1.5 % smaller gzip than the default minifier, for files with hard budgets.
    minify: 'terser',
    terserOptions: { module: true, compress: { passes: 3 } },
  },
};

/**
 * Fingerprinted, and apart in `chunks/`, so served as immutable by an address rule that matches nothing else (a static
 * host's `_headers` merges every rule that matches); consent.js and consent-mode.js, whose addresses other sites use,
 * are cached briefly.
 */
const FINGERPRINTED = 'chunks/[name].[hash].js';

/**
 * The view in one language (embed/view-fr.ts): one file with Preact, the banner, its words and what follows a
 * decision; the dialog and a blocked embed's placeholder in a chunk each with their words. Built apart from the other
 * language so that neither shares a file with it: a page downloads one file per step, in its language only. Library
 * mode: Vite adds no preload helper around the dynamic imports.
 */
/** The modules of the dialog's chunk and of a placeholder's, each loaded after the view. */
const LATER =
  /\/(Preferences|ServiceTable|Placeholder)\.tsx|\/[\w-]*(dialog|placeholder|gate)[\w-]*\.ts|preact\/hooks|@nanostores/;

const viewConfig = (lang: Lang): InlineConfig =>
  mergeConfig(base, {
    // The portal's links, in this language only: every page without a view spares them.
    define: { __CONSENT_LINKS__: JSON.stringify(policy.links[lang]) },
    build: {
      lib: { entry: `widget/embed/view-${lang}.ts`, formats: ['es'] },
      rolldownOptions: {
        // The view's file may export more than its entry does: what the later chunks take from it.
        preserveEntrySignatures: 'allow-extension',
        output: {
          entryFileNames: FINGERPRINTED,
          chunkFileNames: FINGERPRINTED,
          // Whatever the dialog or a placeholder shares with the view stays in the view's file, which they follow.
          codeSplitting: { groups: [{ name: `view-${lang}`, test: (id: string) => !LATER.test(id) }] },
        },
      },
    },
  });

/** consent.js imports `./view-fr.ts` or `./view-en.ts`: the file each language's build wrote, beside it. */
const builtViews = (files: Record<Lang, string>): Plugin => ({
  name: 'citim:built-views',
  enforce: 'pre',
  resolveId(source) {
    const lang = /\/view-(fr|en)\.ts$/.exec(source)?.[1] as Lang | undefined;
    return lang ? { id: `./${files[lang]}`, external: true } : undefined;
  },
});

/**
 * consent.js for every page (state, cookies, gating) and the chunks only some pages load: what follows a decision made
 * with nothing drawn, gated iframes, Google Consent Mode.
 */
const consentConfig = (views: Record<Lang, string>): InlineConfig =>
  mergeConfig(base, {
    plugins: [builtViews(views)],
    build: {
      lib: { entry: 'widget/embed/index.ts', formats: ['es'] },
      rolldownOptions: {
        // consent.js exports nothing: what it shares with its chunks may be merged into it.
        preserveEntrySignatures: false,
        output: { entryFileNames: 'consent.js', chunkFileNames: FINGERPRINTED },
      },
    },
  });

/**
 * consent-mode.js, the classic script that sets Google Consent Mode before Google's tag runs (embed/consent-mode.ts):
 * one small self-contained file, and only what deciding whether a stored choice still stands needs.
 */
const consentModeConfig: InlineConfig = mergeConfig(base, {
  define: {
    __CONSENT_DEFAULTS__: JSON.stringify({
      policy: policy.policy,
      renewSince: policy.renewSince,
      declaration: { revision: declaration.revision, services: digest().services, google: digest().google },
    }),
  },
  build: {
    lib: {
      entry: 'widget/embed/consent-mode.ts',
      formats: ['iife'],
      name: 'citimConsentModeDefault',
      fileName: () => 'consent-mode.js',
    },
    rolldownOptions: { output: { entryFileNames: 'consent-mode.js', codeSplitting: false } },
  },
});

/** The entry file a build wrote. */
const entryOf = (output: Awaited<ReturnType<typeof build>>): string => {
  const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
  const entry = outputs.flatMap((o) => o.output).find((c) => c.type === 'chunk' && c.isEntry);
  if (!entry) throw new Error('The widget build wrote no entry file');
  return entry.fileName;
};

const views = {} as Record<Lang, string>;
for (const lang of LANGS) views[lang] = entryOf(await build(viewConfig(lang)));
await build(consentConfig(views));
await build(consentModeConfig);
console.log(`widget: consent.js, ${Object.values(views).join(', ')} and their chunks in dist/widget/`);
