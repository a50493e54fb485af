-- The cookie scans' summaries (shared/scan-summary.ts), the last ones only: what the inbox shows of the last scan.
CREATE TABLE scans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  finished_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  summary TEXT NOT NULL
);
