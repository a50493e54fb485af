// CSV cells a spreadsheet shows rather than runs.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('CSV cells', () => {
  it('neutralises what a spreadsheet would run as a formula, and quotes what needs it', () => {
    expect(csvCell('=HYPERLINK("http://evil.test","x")')).toBe(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
    for (const lead of ['+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1+1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Ana, Bel')).toBe('"Ana, Bel"');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['2026-ABCD-EFGH', 'status:refused', '@cmd'])).toBe("2026-ABCD-EFGH,status:refused,'@cmd\r\n");
  });
});
