// The scan command's answers to a mistake: one line in words, in the reader's language, before any browser runs.
import { describe, expect, it } from 'vitest';
import { main } from './cli.ts';

const run = async (...argv: string[]) => {
  const lines: string[] = [];
  const code = await main(
    argv,
    (l) => lines.push(l),
    (l) => lines.push(l),
  );
  return { code, first: lines[0] };
};

describe('the scan command refuses a mistake in one line of words, in the reader’s language', () => {
  it.each([
    [[], 'Donnez au moins une adresse à analyser.'],
    [['ftp://x.test/'], '« ftp://x.test/ » n’est pas une adresse web (http:// ou https://).'],
    [['https://x.test/', '--pages', '0'], '--pages attend un nombre entier entre 1 et 500 (reçu « 0 »).'],
    [['https://x.test/', '--minutes', 'dix'], '--minutes attend un nombre entier entre 1 et 240 (reçu « dix »).'],
    [
      ['https://x.test/', '--fail-on', 'all'],
      '--fail-on attend l’une de ces valeurs : breach, undeclared (reçu « all »).',
    ],
    [['https://x.test/', '--colour'], 'Option inconnue : --colour.'],
    [
      ['https://x.test/', '--lang', 'en', '--pages', '1000'],
      '--pages takes a whole number from 1 to 500 (got “1000”).',
    ],
  ])('%j', async (argv, message) => {
    expect(await run(...argv)).toEqual({ code: 2, first: message });
  });

  it('names a declaration it cannot read, and what is wrong in it', async () => {
    const { code, first } = await run('https://x.test/', '--declaration', 'nowhere.yaml');
    expect(code).toBe(2);
    expect(first).toMatch(/nowhere\.yaml/);
  });
});
