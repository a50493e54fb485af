// The guides say what the code does (a doc that drifts is a defect): every command in them is one the tools take,
// with options they know; every setting the server and the build read is in the administrator's table, and nothing
// there is read by nobody; the buttons the officer's guides name are the inbox's own words; every link lands.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, helpOf } from './officer-commands.ts';
import { setup } from '../testing.ts';

const root = new URL('../..', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const guides = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

/** Commands in `sh` blocks, one a line (comments dropped), and in inline code that starts like one. */
function commandsIn(text: string): string[] {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap(([, body]) => body!.split('\n'));
  const inline = [...text.matchAll(/`((?:npm|npx|curl) [^`]+)`/g)].map(([, c]) => c!.replace(/\s+/g, ' '));
  return [...blocks, ...inline]
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !/^npm (ci|run)$/.test(line));
}

/** Cloudflare's own commands (wrangler is not a dependency: it runs where one deploys from), as its docs give them. */
const WRANGLER = [
  /^npx wrangler d1 create portal$/,
  /^npx wrangler d1 migrations apply portal --remote -c function\/wrangler\.toml$/,
  /^npx wrangler d1 time-travel info portal( --timestamp=\S+)?$/,
  /^npx wrangler d1 time-travel restore portal (--timestamp|--bookmark)=\S+$/,
  /^npx wrangler d1 export portal --remote --output=\S+\.sql$/,
  /^npx wrangler secret put (\w+|…) -c function\/wrangler\.toml$/,
  /^npx wrangler deploy -c function\/wrangler\.toml$/,
];
const BENCH_PARTS = [...read('tests/bench/run.ts').matchAll(/only === '(\w+)'/g)].map(([, part]) => part!);

/** Why a command in a guide would not work as written; null when it would. */
async function problemWith(command: string, app: Awaited<ReturnType<typeof setup>>['app']): Promise<string | null> {
  if (/^npm (install|test|start)$/.test(command)) return null;
  const officer = /^npm run officer -- (\S+)(.*)$/.exec(command);
  if (officer) {
    const [, sub, rest] = officer;
    // What `npm run officer -- COMMAND --help` prints (function/entries/officer-cli.test.ts runs it).
    if (!COMMANDS[sub!]) return `\`${sub}\` is no command of the officer's tools`;
    const help = helpOf(sub!);
    for (const [option] of rest!.matchAll(/--[\w-]+/g))
      if (!help.includes(option)) return `\`${sub}\` takes no ${option}`;
    return null;
  }
  const npm = /^npm run ([\w:-]+)(?: -- (.*))?$/.exec(command);
  if (npm) {
    if (!scripts[npm[1]!]) return `no script ${npm[1]} in package.json`;
    if (npm[1] === 'bench' && npm[2])
      for (const part of npm[2].split(/\s*\|\s*/))
        if (!BENCH_PARTS.includes(part)) return `the bench has no part ${part}`;
    return null;
  }
  if (command.startsWith('npx wrangler')) return WRANGLER.some((form) => form.test(command)) ? null : 'unknown';
  const curl = /^curl -fsS https:\/\/portal\.example\.org(\/\S*)$/.exec(command);
  if (curl) {
    const answer = await app.request(curl[1]!);
    return answer.status === 200 ? null : `${curl[1]} answers ${answer.status}`;
  }
  return 'a command this test does not know how to check: teach it, or say it in words';
}

describe('the guides', () => {
  it('give only commands that work as written', async () => {
    const { app } = await setup();
    const wrong: string[] = [];
    let checked = 0;
    for (const guide of guides)
      for (const command of commandsIn(read(guide))) {
        checked++;
        const problem = await problemWith(command, app);
        if (problem) wrong.push(`${guide}: ${command} (${problem})`);
      }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  }, 60_000);

  it('list every setting the server and the build read, and none that nothing reads', () => {
    const sources = [
      'function/entries/node.ts',
      'function/entries/worker.ts',
      'src/site.config.ts',
      'src/documents/collection.ts',
      'src/documents/contact.ts',
      'src/content.config.ts',
      'widget/build.ts',
    ].filter((f) => existsSync(join(root, f)));
    const code = sources.map(read).join('\n');
    const read_ = new Set(
      [...code.matchAll(/(?:env\[?'?|whole\(\s*'|address\(\s*'|setting\(\s*'|env\.)([A-Z][A-Z0-9_]{2,})\b/g)].map(
        ([, name]) => name!,
      ),
    );
    for (const binding of ['DB', 'ASSETS']) read_.delete(binding);
    const admin = read('docs/administrator.md');
    const table = admin.slice(admin.indexOf('## Settings'), admin.indexOf('## Deploying on Node'));
    const documented = new Set([...table.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)].map(([, name]) => name!));
    expect([...read_].filter((name) => !documented.has(name)).sort()).toEqual([]);
    expect([...documented].filter((name) => !read_.has(name)).sort()).toEqual([]);
  });

  it('name the inbox’s buttons and labels in its own words, in each language', () => {
    // The string tables read as text (the function imports nothing of the site): every quoted string in them.
    const wordsOf = (file: string) => [...read(file).matchAll(/'((?:[^'\\]|\\.)*)'/g)].map(([, w]) => w!);
    const cases = [
      { file: 'docs/officer.fr.md', words: wordsOf('src/i18n/fr.ts'), quote: /«\s([^»]+?)\s»/g },
      { file: 'docs/officer.en.md', words: wordsOf('src/i18n/en.ts'), quote: /"([^"]+)"/g },
    ];
    for (const { file, words, quote } of cases) {
      const text = read(file).replace(/```[\s\S]*?```/g, '');
      const quoted = [...text.matchAll(quote)].map(([, q]) => q!.replace(/\s+/g, ' ').trim());
      expect(quoted.length, file).toBeGreaterThan(8);
      for (const q of quoted) {
        // A count in a label is its placeholder: "3 days left" is "{count} days left".
        const label = q.replace(/\d+/g, '{count}');
        expect(
          words.some((w) => w.includes(label)),
          `${file}: "${q}" is not the inbox's words`,
        ).toBe(true);
      }
    }
  });

  it('link to files and headings that exist, and the README to every guide', () => {
    const slug = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .trim()
        .replace(/\s/g, '-');
    for (const guide of guides) {
      for (const [, target] of read(guide).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^https?:/.test(target!)) continue;
        const [file, anchor] = target!.split('#');
        const path = file ? join(dirname(guide), file) : guide;
        expect(existsSync(join(root, path)), `${guide} → ${target}`).toBe(true);
        if (anchor) {
          const headings = [...read(path).matchAll(/^#+ (.+)$/gm)].map(([, h]) => slug(h!));
          expect(headings, `${guide} → ${target}`).toContain(anchor);
        }
      }
    }
    const readme = read('README.md');
    for (const guide of guides.filter((g) => g.startsWith('docs/'))) expect(readme).toContain(`(${guide})`);
  });
});
