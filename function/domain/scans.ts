// The cookie scans the officer keeps: a scan's summary (shared/scan-summary.ts) recorded once checked, with its audit
// entry, and the last one as the inbox shows it. The command line (`scan-record`) and the admin API call these.
import { type ScanSummary, scanSummarySchema } from '../../shared/scan-summary.ts';
import type { ScanStore } from '../store/contract.ts';
import { OfficerError } from './officer.ts';

const DAY = 86_400_000;

/** Checks a scan's summary and keeps it; a summary that is not one, or dated ahead, is refused in words. */
export async function recordScan(
  store: Pick<ScanStore, 'recordScan'>,
  input: unknown,
  { now, operator }: { now: Date; operator: string },
): Promise<ScanSummary> {
  const parsed = scanSummarySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OfficerError(
      `This is not a scan's summary (the "summary" of the report.json that npm run scan writes): ` +
        `${issue.path.join('.') || 'the file'} ${issue.message}.`,
    );
  }
  const summary = parsed.data;
  if (Date.parse(summary.finishedAt) > now.getTime() + DAY)
    throw new OfficerError(`This scan says it finished on ${summary.finishedAt}, after today: it is not recorded.`);
  if (Date.parse(summary.startedAt) > Date.parse(summary.finishedAt))
    throw new OfficerError('This scan says it finished before it started: it is not recorded.');
  const { breaches, undeclared } = summary.counts;
  await store.recordScan(
    { finishedAt: summary.finishedAt, recordedAt: now.toISOString(), summary: JSON.stringify(summary) },
    {
      at: now.toISOString(),
      reference: null,
      action: 'scan:recorded',
      operator,
      detail: `${summary.finishedAt}: ${breaches} breach(es), ${undeclared} undeclared`,
    },
  );
  return summary;
}

/** The scan that finished last, as recorded; null before any. */
export async function lastScan(store: ScanStore): Promise<{ recordedAt: string; summary: ScanSummary } | null> {
  const row = await store.lastScan();
  if (!row) return null;
  const parsed = scanSummarySchema.safeParse(JSON.parse(row.summary));
  return parsed.success ? { recordedAt: row.recordedAt, summary: parsed.data } : null;
}
