// Builds dist/widget/consent-mode.js: the classic script that sets Google Consent Mode before Google's tag runs
// (widget/embed/consent-mode.ts). One small self-contained file, no module, no chunk.
import { readFileSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vite';
import { declaration } from './declaration.ts';
import widget from './vite.config.ts';

/** Only what deciding whether a stored choice still stands needs: no links, no titles. */
const { policy, renewSince } = JSON.parse(
  readFileSync(new URL('../dist/widget/defaults.json', import.meta.url), 'utf8'),
);

export default mergeConfig(
  widget,
  defineConfig({
    define: {
      __CONSENT_DEFAULTS__: JSON.stringify({
        policy,
        renewSince,
        links: { fr: {}, en: {} },
        declaration: { revision: declaration.revision },
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
  }),
);
