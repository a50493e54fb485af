// Ordering, status and whole-collection checks for versioned documents. Pure: takes entries and a day, returns facts.
import type { DocumentVersionData } from './schema.ts';

export interface VersionEntry {
  /** `document/lang/version`, for example `policy/fr/1.1`. */
  id: string;
  /** Where the entry was read from, for error messages. */
  filePath?: string | undefined;
  data: DocumentVersionData;
}

export type Status = 'upcoming' | 'in-force' | 'superseded';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** Numeric order of `major.minor` labels: 1.9 comes before 1.10. */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

export { dayIn } from '../../shared/day.ts';

/**
 * The calendar day before a YYYY-MM-DD day: a version replaced on the 20th was in force until the 19th, since its
 * successor takes effect at midnight on the 20th.
 */
export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Midnight of a YYYY-MM-DD day in `timeZone`, as an RFC 3339 time with that zone's offset
 * (`2026-11-20T00:00:00-05:00`): when a version takes effect. The offset is read at 05:00 UTC, still the previous
 * evening's offset in the Americas, so a night when the clocks change (at 2 a.m.) gives midnight's own offset.
 */
export function midnightIn(day: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-CA', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T05:00:00Z`))
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return `${day}T00:00:00${offset === '' || offset === '+00:00' ? 'Z' : offset}`;
}

/** The versions of one document in one language, oldest first. */
export function versionsOf<T extends VersionEntry>(entries: readonly T[], document: string, lang: string): T[] {
  return entries
    .filter((e) => e.data.document === document && e.data.lang === lang)
    .sort((a, b) => compareVersions(a.data.version, b.data.version));
}

/**
 * The versions the public may see on `today`: `published` is the day a version goes online, so one dated later is
 * neither shown nor announced (nor in feeds, comparisons or search) before that day, even if the site is built earlier.
 */
export function publishedBy<T extends VersionEntry>(versions: readonly T[], today: string): T[] {
  return versions.filter((v) => v.data.published <= today);
}

/** The version in force on `today`: the latest one whose effective date has come. */
export function inForce<T extends VersionEntry>(versions: readonly T[], today: string): T | undefined {
  let current: T | undefined;
  for (const v of versions) {
    if (v.data.effective <= today && (!current || v.data.effective > current.data.effective)) current = v;
  }
  return current;
}

export function statusOf(entry: VersionEntry, versions: readonly VersionEntry[], today: string): Status {
  if (entry.data.effective > today) return 'upcoming';
  return inForce(versions, today)?.id === entry.id ? 'in-force' : 'superseded';
}

/** Versions published ahead of their effective date, soonest first. */
export function upcoming<T extends VersionEntry>(versions: readonly T[], today: string): T[] {
  return versions
    .filter((v) => v.data.effective > today)
    .sort((a, b) => a.data.effective.localeCompare(b.data.effective));
}

/** The version just before `entry` in the same document and language, if any. */
export function previousOf<T extends VersionEntry>(versions: readonly T[], entry: VersionEntry): T | undefined {
  const index = versions.findIndex((v) => v.id === entry.id);
  return index > 0 ? versions[index - 1] : undefined;
}

/** The id an entry must have, given its front matter: content/<document>/<lang>/<version>.mdx. */
export function expectedId(data: Pick<DocumentVersionData, 'document' | 'lang' | 'version'>): string {
  return `${data.document}/${data.lang}/${data.version}`;
}

/**
 * Checks that only make sense across versions: each problem names the file and the field.
 * Run by the content loader, so bad content fails `astro sync`, `astro check` and `astro build`.
 */
export function checkCollection(entries: readonly VersionEntry[]): Problem[] {
  const problems: Problem[] = [];
  const file = (e: VersionEntry) => e.filePath ?? e.id;
  const byId = new Map(entries.map((e) => [e.id, e]));

  for (const e of entries) {
    const [document, lang, version] = e.id.split('/');
    const claims: [keyof DocumentVersionData, string | undefined][] = [
      ['document', document],
      ['lang', lang],
      ['version', version],
    ];
    for (const [field, fromPath] of claims) {
      if (fromPath !== e.data[field]) {
        problems.push({
          file: file(e),
          field,
          message:
            `says "${String(e.data[field])}" but the file's place says "${fromPath}": ` +
            `move the file to content/${expectedId(e.data)}.mdx or correct the field`,
        });
      }
    }
  }

  const groups = new Map<string, VersionEntry[]>();
  for (const e of entries) {
    const key = `${e.data.document}/${e.data.lang}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => compareVersions(a.data.version, b.data.version));
    for (let i = 1; i < sorted.length; i++) {
      const before = sorted[i - 1]!;
      const e = sorted[i]!;
      if (compareVersions(before.data.version, e.data.version) === 0) {
        problems.push({
          file: file(e),
          field: 'version',
          message: `${e.data.version} is used twice for ${e.data.document} (${e.data.lang}): also in ${file(before)}`,
        });
      }
    }
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (compareVersions(a.data.version, b.data.version) === 0) continue;
        if (a.data.effective === b.data.effective) {
          problems.push({
            file: file(b),
            field: 'effective',
            message:
              `${b.data.effective} is also the effective date of version ${a.data.version} (${file(a)}): ` +
              'two versions would be in force on the same date',
          });
        } else if (a.data.effective > b.data.effective) {
          problems.push({
            file: file(b),
            field: 'effective',
            message:
              `version ${b.data.version} takes effect (${b.data.effective}) before the earlier version ` +
              `${a.data.version} (${a.data.effective}, ${file(a)})`,
          });
        }
      }
    }
  }

  for (const e of entries) {
    const target = e.data.translationOf;
    if (!target) continue;
    const original = byId.get(target);
    if (!original) {
      problems.push({ file: file(e), field: 'translationOf', message: `points to "${target}", which does not exist` });
      continue;
    }
    if (
      original.data.lang !== 'fr' ||
      original.data.document !== e.data.document ||
      original.data.version !== e.data.version
    ) {
      problems.push({
        file: file(e),
        field: 'translationOf',
        message:
          `points to "${target}", but must point to the French text of ${e.data.document} ${e.data.version} ` +
          `("${expectedId({ ...e.data, lang: 'fr' })}")`,
      });
      continue;
    }
    for (const field of ['effective', 'renewConsent'] as const) {
      if (original.data[field] !== e.data[field]) {
        problems.push({
          file: file(e),
          field,
          message:
            `is ${String(e.data[field])} but the French version it translates says ${String(original.data[field])}: ` +
            'a translation follows its original',
        });
      }
    }
  }
  return problems;
}

/**
 * YAML turns an unquoted impossible date such as 2024-02-30 into 1 March without a word:
 * the date as the editor wrote it must be the date that was read.
 */
export function checkDateLiterals(
  file: string,
  source: string,
  data: Pick<DocumentVersionData, 'effective' | 'published'>,
): Problem[] {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const problems: Problem[] = [];
  for (const field of ['effective', 'published'] as const) {
    const written = new RegExp(`^${field}:\\s*['"]?([^'"\\s#]+)`, 'm').exec(front)?.[1];
    if (written && written !== data[field]) {
      problems.push({
        file,
        field,
        message: `must be a real date: "${written}" does not exist (it would be read as ${data[field]})`,
      });
    }
  }
  return problems;
}

/** Each slip must still be in the text it quotes (`shown`: the body and the contact block as displayed). */
export function checkSlips(file: string, shown: string, data: Pick<DocumentVersionData, 'slips'>): Problem[] {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return data.slips
    .filter((slip) => !flat(shown).includes(flat(slip.text)))
    .map((slip) => ({
      file,
      field: 'slips',
      message: `quotes "${slip.text}", which is no longer in the text: remove the entry once the slip is fixed`,
    }));
}

/** What the organisation still has to confirm, one line per version, for the build to report. */
export function pendingConfirmations(entries: readonly VersionEntry[]): string[] {
  return entries
    .filter((e) => e.data.toConfirm.length > 0 || e.data.slips.length > 0)
    .map((e) => {
      const parts = [
        ...(e.data.toConfirm.length ? [`dates ${e.data.toConfirm.join(', ')}`] : []),
        ...e.data.slips.map((s) => `"${s.text}" (${s.note})`),
      ];
      return `${e.id}: to confirm: ${parts.join('; ')}`;
    })
    .sort();
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}: ${p.field} ${p.message}`).join('\n');
}
