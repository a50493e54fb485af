// A request exported for its owner (portability, art. 27) or a spreadsheet: one format, built by the officer's command
// line and by the inbox in the browser from the same decrypted data.
import { csvCell } from './csv.ts';
import type { Status } from './request.ts';

const CSV_FIELDS = [
  'reference',
  'type',
  'status',
  'receivedAt',
  'dueAt',
  'name',
  'email',
  'phone',
  'fileNumber',
  'relation',
  'language',
  'replyFormat',
  'capacity',
  'details',
] as const;

/** What is exported of a request besides its personal fields. */
export interface ExportedRequest {
  reference: string;
  type: string;
  status: Status | string;
  receivedAt: string;
  dueAt: string;
}

/** The request and its data in a structured, commonly used format (portability: JSON; spreadsheets: CSV). */
export function exportText(
  request: ExportedRequest,
  personal: object,
  history: readonly unknown[],
  format: 'json' | 'csv',
  now: Date,
): string {
  const record = {
    reference: request.reference,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    ...personal,
  };
  if (format === 'json')
    return `${JSON.stringify(
      { format: 'citim-privacy-request', version: 1, exportedAt: now.toISOString(), request: record, history },
      null,
      2,
    )}\n`;
  const row = record as Record<string, unknown>;
  return `${CSV_FIELDS.join(',')}\r\n${CSV_FIELDS.map((f) => csvCell(row[f])).join(',')}\r\n`;
}
