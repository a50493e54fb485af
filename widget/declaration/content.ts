// Reads the cookie declaration from content/cookies/: the one in force (declaration.yaml) and every revision kept as it
// was published (revisions/N.yaml), each checked by the schema; refuses a changed declaration whose revision was not
// raised. Node only: the browser gets what the widget's build projects from it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { type Declaration, declarationSchema } from './schema.ts';

/** Where the declaration lives: beside the documents (`PORTAL_CONTENT_DIR`, as content.config.ts reads it). */
export const declarationDir = (): string => resolve(process.env['PORTAL_CONTENT_DIR'] ?? 'content', 'cookies');

/** A declaration that cannot be used, with every reason, each naming its file and place. */
export class DeclarationError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`The cookie declaration cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'DeclarationError';
    this.problems = problems;
  }
}

/** One declaration's text, parsed and checked: its data, or the problems found (YAML first, then the schema). */
export function parseDeclaration(source: string, file: string): Declaration {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    throw new DeclarationError(
      doc.errors.map((e) => `${file}, line ${lines.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`),
    );
  }
  if (!isMap(doc.contents)) throw new DeclarationError([`${file}: must be a list of fields (revision, categories…)`]);
  const result = declarationSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  throw new DeclarationError(
    result.error.issues.map((issue) => {
      const where = issue.path.join('.');
      const node = doc.getIn(issue.path, true) as { range?: [number] } | undefined;
      const line = node?.range ? `, line ${lines.linePos(node.range[0]).line}` : '';
      return `${file}${line}: ${where || 'the file'} ${issue.message}`;
    }),
  );
}

/** One declaration's file, read, parsed and checked; named in its problems as `shown` (its path from here). */
export const readDeclarationFile = (file: string, shown = relative(process.cwd(), file)): Declaration =>
  parseDeclaration(readFileSync(file, 'utf8'), shown);

/** Two declarations alike in everything they say (the schema's output: comments and layout aside). */
export const sameDeclaration = (a: Declaration, b: Declaration): boolean => canonical(a) === canonical(b);
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
      : v,
  );

export interface Declarations {
  /** The declaration in force. */
  current: Declaration;
  /** Every revision, oldest first, the one in force last (kept or not yet). */
  revisions: Declaration[];
  /** Whether the revision in force still has to be kept in revisions/ (a new one, before its first build). */
  unkept: boolean;
}

/**
 * What the kept revisions and the one in force say together, or every reason they cannot stand: a kept revision
 * changed, the one in force changed without its revision raised, a revision skipped or gone back.
 */
export function reconcile(
  current: Declaration,
  kept: Map<number, Declaration>,
  file = 'declaration.yaml',
): Declarations {
  const problems: string[] = [];
  const numbers = [...kept.keys()].sort((a, b) => a - b);
  const last = numbers.at(-1) ?? 0;
  numbers.forEach((n, i) => {
    if (n !== i + 1) problems.push(`revisions/: revision ${i + 1} is missing (kept: ${numbers.join(', ')})`);
  });
  const same = kept.get(current.revision);
  if (same && !sameDeclaration(same, current))
    problems.push(
      current.revision === last
        ? `${file} changed but its revision is still ${current.revision}: raise it to ${last + 1}, set published ` +
            'to the day it goes out and say in summary what changed (revision ' +
            `${current.revision} stays as it was published)`
        : `${file} says revision ${current.revision}, an older one (the last is ${last}), with other content`,
    );
  if (current.revision > last + 1)
    problems.push(`${file} says revision ${current.revision}: the next one is ${last + 1}`);
  if (current.revision < last && !same)
    problems.push(`${file} says revision ${current.revision}, before the last one (${last})`);
  if (current.revision === last + 1 && kept.get(last)?.published && current.published < kept.get(last)!.published)
    problems.push(
      `${file}: published (${current.published}) is before revision ${last}'s (${kept.get(last)!.published})`,
    );
  if (problems.length) throw new DeclarationError(problems);
  const unkept = !same;
  return { current, revisions: [...numbers.map((n) => kept.get(n)!), ...(unkept ? [current] : [])], unkept };
}

/** The declaration and its kept revisions, read from `dir`, checked, reconciled. */
export function readDeclarations(dir = declarationDir()): Declarations {
  const file = join(dir, 'declaration.yaml');
  const shown = relative(process.cwd(), file);
  if (!existsSync(file)) throw new DeclarationError([`${shown} is missing`]);
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof DeclarationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const current = attempt(() => readDeclarationFile(file, shown));
  const kept = new Map<number, Declaration>();
  const keptDir = join(dir, 'revisions');
  for (const name of existsSync(keptDir) ? readdirSync(keptDir) : []) {
    const match = /^([1-9]\d*)\.yaml$/.exec(name);
    const path = relative(process.cwd(), join(keptDir, name));
    if (!match) {
      problems.push(`${path}: a kept revision's file is named by its number (1.yaml, 2.yaml…)`);
      continue;
    }
    const revision = attempt(() => readDeclarationFile(join(keptDir, name), path));
    if (revision && revision.revision !== Number(match[1]))
      problems.push(`${path}: says revision ${revision.revision}; it must stay revision ${match[1]}`);
    else if (revision) kept.set(revision.revision, revision);
  }
  if (problems.length || !current) throw new DeclarationError(problems);
  return reconcile(current, kept, shown);
}

/**
 * Keeps the revision in force in revisions/N.yaml when it is new (the build calls this first): its text as the
 * organisation wrote it, under a line that says it is not to be edited. Returns the file written, if any.
 */
export function keepRevision(dir = declarationDir()): string | undefined {
  const { current, unkept } = readDeclarations(dir);
  if (!unkept) return undefined;
  const source = readFileSync(join(dir, 'declaration.yaml'), 'utf8').replace(/^(#.*\n)+/, '');
  const path = join(dir, 'revisions', `${current.revision}.yaml`);
  writeFileSync(
    path,
    `# Révision ${current.revision} de la déclaration des témoins, gardée telle qu'elle a été publiée : ` +
      `ne la modifiez pas.\n# Revision ${current.revision} of the cookie declaration, kept as it was published: ` +
      `do not edit it.\n${source}`,
  );
  return path;
}
