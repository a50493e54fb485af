// The audit log's chain head as people compare it (in the daily digest, a backup, the inbox, the command line): the
// entry's number and the first 16 hex digits of its hash.
export const headText = (head: { id: number; hash: string } | null) =>
  head ? `#${head.id} ${head.hash.slice(0, 16)}` : '—';
