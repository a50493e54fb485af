// A copy of content/ with a version 1.2 of the policy published but not yet in force, for the browser tests of
// announcements (package.json `build:announced`). The portal's own content is never touched.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const out = '.e2e/announced-content';
/** Who 1.2 says it changes: one sentence of section 10, so that its comparison with 1.1 has something to show. */
const change = {
  fr: { from: 'Quand et comment nous détruisons', to: 'Quand et de quelle façon nous détruisons' },
  en: { from: 'When and how we destroy', to: 'When and in what way we destroy' },
} as const;
const summary = {
  fr: 'Version d’essai des tests : un titre de la section 10 reformulé.',
  en: 'Test version: a heading of section 10 reworded.',
} as const;

rmSync(out, { recursive: true, force: true });
cpSync('content', out, { recursive: true });
for (const lang of ['fr', 'en'] as const) {
  const source = readFileSync(`content/policy/${lang}/1.1.mdx`, 'utf8');
  if (!source.includes(change[lang].from)) throw new Error(`policy/${lang}/1.1 no longer says "${change[lang].from}"`);
  const text = source
    .replace("version: '1.1'", "version: '1.2'")
    .replace(/^effective: .*$/m, 'effective: 2027-01-15')
    .replace(/^published: .*$/m, 'published: 2026-11-24')
    .replace('translationOf: policy/fr/1.1', 'translationOf: policy/fr/1.2')
    .replace(/^toConfirm: .*$/m, 'toConfirm: []')
    .replace(/^summary: >-\n(?: {2}.*\n)+/m, `summary: >-\n  ${summary[lang]}\n`)
    .replace(change[lang].from, change[lang].to);
  writeFileSync(`${out}/policy/${lang}/1.2.mdx`, text);
}
