import { describe, expect, it } from 'vitest';
import { documentVersionSchema } from './schema.ts';
import {
  checkCollection,
  checkDateLiterals,
  checkSlips,
  compareVersions,
  dayBefore,
  dayIn,
  midnightIn,
  formatProblems,
  inForce,
  pendingConfirmations,
  previousOf,
  publishedBy,
  statusOf,
  upcoming,
  versionsOf,
  type VersionEntry,
} from './versions.ts';

function entry(id: string, fields: Record<string, unknown> = {}): VersionEntry {
  const [document, lang, version] = id.split('/');
  const data = documentVersionSchema.parse({
    document,
    lang,
    version,
    title: 'T',
    effective: '2024-01-01',
    published: '2024-01-01',
    summary: 'S',
    ...(lang === 'fr' ? {} : { translationOf: `${document}/fr/${version}` }),
    ...fields,
  });
  return { id, filePath: `content/${id}.mdx`, data };
}

const history = [
  entry('policy/fr/1.0', { effective: '2023-09-22', published: '2023-09-22' }),
  entry('policy/fr/1.1', { effective: '2026-11-20', published: '2026-11-20' }),
  entry('policy/fr/2.0', { effective: '2027-01-15', published: '2026-12-01' }),
];

describe('ordering and status', () => {
  it('orders versions numerically, so 1.10 comes after 1.9', () => {
    expect(['1.10', '1.9', '2.0', '1.0'].sort(compareVersions)).toEqual(['1.0', '1.9', '1.10', '2.0']);
  });

  it('derives upcoming, in force and superseded from the effective dates', () => {
    const statuses = (today: string) => history.map((e) => statusOf(e, history, today));
    expect(statuses('2023-01-01')).toEqual(['upcoming', 'upcoming', 'upcoming']);
    expect(statuses('2023-09-22')).toEqual(['in-force', 'upcoming', 'upcoming']);
    expect(statuses('2026-11-23')).toEqual(['superseded', 'in-force', 'upcoming']);
    expect(statuses('2027-01-15')).toEqual(['superseded', 'superseded', 'in-force']);
  });

  it('announces versions published ahead of their effective date', () => {
    expect(upcoming(history, '2026-12-05').map((e) => e.data.version)).toEqual(['2.0']);
    expect(inForce(history, '2026-12-05')?.data.version).toBe('1.1');
    expect(previousOf(history, history[2]!)?.data.version).toBe('1.1');
    expect(previousOf(history, history[0]!)).toBeUndefined();
  });

  it('shows and announces nothing before its publication day, even when built earlier', () => {
    const seen = (today: string) => publishedBy(history, today).map((e) => e.data.version);
    expect(seen('2026-11-19')).toEqual(['1.0']);
    expect(seen('2026-11-30')).toEqual(['1.0', '1.1']);
    expect(upcoming(publishedBy(history, '2026-11-30'), '2026-11-30')).toEqual([]);
    expect(seen('2026-12-01')).toEqual(['1.0', '1.1', '2.0']);
    expect(upcoming(publishedBy(history, '2026-12-01'), '2026-12-01').map((e) => e.data.version)).toEqual(['2.0']);
  });

  it('reads the day in Montreal, not in UTC', () => {
    expect(dayIn('America/Toronto', new Date('2026-11-21T03:00:00Z'))).toBe('2026-11-20');
  });

  it('selects one document in one language', () => {
    const mixed = [
      ...history,
      entry('policy/en/1.0', { effective: '2023-09-22', published: '2023-09-22' }),
      entry('ptet/fr/1.0'),
    ];
    expect(versionsOf(mixed, 'policy', 'fr').map((e) => e.id)).toEqual([
      'policy/fr/1.0',
      'policy/fr/1.1',
      'policy/fr/2.0',
    ]);
  });
});

describe('collection checks', () => {
  it('finds nothing wrong with a consistent collection', () => {
    expect(
      checkCollection([...history, entry('policy/en/1.1', { effective: '2026-11-20', published: '2026-11-20' })]),
    ).toEqual([]);
  });

  it('names the file and the field when two files carry the same version', () => {
    const dup = {
      ...entry('policy/fr/1.1', { effective: '2026-12-01', published: '2026-12-01' }),
      id: 'policy/fr/1.1-copy',
      filePath: 'content/policy/fr/1.1-copy.mdx',
    };
    const text = formatProblems(checkCollection([...history.slice(0, 2), dup]));
    expect(text).toContain(
      'content/policy/fr/1.1-copy.mdx: version 1.1 is used twice for policy (fr): also in content/policy/fr/1.1.mdx',
    );
  });

  it('refuses two versions in force on the same date', () => {
    const problems = checkCollection([
      history[0]!,
      entry('policy/fr/1.1', { effective: '2023-09-22', published: '2023-09-22' }),
    ]);
    expect(problems).toEqual([
      {
        file: 'content/policy/fr/1.1.mdx',
        field: 'effective',
        message: expect.stringContaining('two versions would be in force on the same date'),
      },
    ]);
  });

  it('refuses a later version that takes effect before an earlier one', () => {
    const problems = checkCollection([
      history[1]!,
      entry('policy/fr/2.0', { effective: '2025-01-01', published: '2025-01-01' }),
    ]);
    expect(problems[0]).toMatchObject({ file: 'content/policy/fr/2.0.mdx', field: 'effective' });
  });

  it('refuses a translation pointing nowhere or at the wrong version', () => {
    const nowhere = entry('policy/en/1.0', {
      translationOf: 'policy/fr/9.9',
      effective: '2023-09-22',
      published: '2023-09-22',
    });
    const wrong = entry('policy/en/1.1', {
      translationOf: 'policy/fr/1.0',
      effective: '2026-11-20',
      published: '2026-11-20',
    });
    const problems = checkCollection([...history, nowhere, wrong]);
    expect(problems).toEqual([
      {
        file: 'content/policy/en/1.0.mdx',
        field: 'translationOf',
        message: 'points to "policy/fr/9.9", which does not exist',
      },
      {
        file: 'content/policy/en/1.1.mdx',
        field: 'translationOf',
        message: expect.stringContaining('must point to the French text of policy 1.1 ("policy/fr/1.1")'),
      },
    ]);
  });

  it('refuses a translation whose effective date differs from its original', () => {
    const late = entry('policy/en/1.1', { effective: '2026-12-01', published: '2026-12-01' });
    expect(checkCollection([...history, late])).toEqual([
      {
        file: 'content/policy/en/1.1.mdx',
        field: 'effective',
        message: expect.stringContaining('a translation follows its original'),
      },
    ]);
  });

  it('refuses a file whose front matter disagrees with its place', () => {
    const misplaced = {
      ...entry('policy/fr/1.2', { effective: '2026-12-10', published: '2026-12-10' }),
      id: 'policy/fr/1.3',
      filePath: 'content/policy/fr/1.3.mdx',
    };
    expect(checkCollection([misplaced])).toEqual([
      {
        file: 'content/policy/fr/1.3.mdx',
        field: 'version',
        message: expect.stringContaining('move the file to content/policy/fr/1.2.mdx'),
      },
    ]);
  });
});

describe('dates as written', () => {
  it('catches an impossible date that YAML rolled over to the next month', () => {
    const source = '---\nversion: "1.0"\neffective: 2024-02-30\npublished: \'2024-01-01\'\n---\n';
    expect(checkDateLiterals('a.mdx', source, { effective: '2024-03-01', published: '2024-01-01' })).toEqual([
      {
        file: 'a.mdx',
        field: 'effective',
        message: 'must be a real date: "2024-02-30" does not exist (it would be read as 2024-03-01)',
      },
    ]);
  });

  it('accepts dates read as written', () => {
    expect(
      checkDateLiterals('a.mdx', '---\neffective: 2024-02-29\npublished: 2024-01-01 # to confirm\n---\n', {
        effective: '2024-02-29',
        published: '2024-01-01',
      }),
    ).toEqual([]);
  });
});

describe('the last day of a version', () => {
  it('is the day before its successor takes effect, across months, years and leap days', () => {
    expect(dayBefore('2026-11-20')).toBe('2026-11-19');
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });
});

describe('midnight in Montreal', () => {
  it('carries the offset of that night, winter or summer, and on the nights the clocks change', () => {
    expect(midnightIn('2026-11-20', 'America/Toronto')).toBe('2026-11-20T00:00:00-05:00');
    expect(midnightIn('2026-07-01', 'America/Toronto')).toBe('2026-07-01T00:00:00-04:00');
    expect(midnightIn('2026-03-08', 'America/Toronto')).toBe('2026-03-08T00:00:00-05:00');
    expect(midnightIn('2026-11-01', 'America/Toronto')).toBe('2026-11-01T00:00:00-04:00');
    expect(midnightIn('2026-11-20', 'UTC')).toBe('2026-11-20T00:00:00Z');
  });
});

describe('what the organisation must still confirm', () => {
  const slipped = entry('policy/fr/1.1', {
    toConfirm: ['effective'],
    slips: [{ text: 'Alexendra Tremblay', note: 'Alexandra ?' }],
  });

  it('lists dates and slips per version, and nothing for a settled one', () => {
    expect(pendingConfirmations([entry('policy/fr/1.0'), slipped])).toEqual([
      'policy/fr/1.1: to confirm: dates effective; "Alexendra Tremblay" (Alexandra ?)',
    ]);
  });

  it('refuses a slip that is no longer in the text, even across line breaks', () => {
    expect(checkSlips('f.mdx', 'écrivez à Alexendra\nTremblay', slipped.data)).toEqual([]);
    expect(checkSlips('f.mdx', 'écrivez à Alexandra Tremblay', slipped.data)).toEqual([
      expect.objectContaining({ field: 'slips', message: expect.stringContaining('no longer in the text') }),
    ]);
  });
});
