import { describe, expect, it } from 'vitest';
import { csvLine, csvResponse } from './csv';

describe('csvLine', () => {
  it('quotes what needs quoting and leaves the rest', () => {
    expect(csvLine(['gpt-4o', 12, 0.5, null, 'a,b', 'say "hi"', 'two\nlines'])).toBe('gpt-4o,12,0.5,,"a,b","say ""hi""","two\nlines"\r\n');
    expect(csvLine([new Date('2026-12-04T10:00:00Z'), 10n])).toBe('2026-12-04T10:00:00.000Z,10\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but keeps negative numbers numbers', () => {
    expect(csvLine(['=HYPERLINK("http://evil")', '+1', '@SUM(A1)', -3])).toBe(`"'=HYPERLINK(""http://evil"")",'+1,'@SUM(A1),-3\r\n`);
  });
});

describe('csvResponse', () => {
  it('streams lines as they are pulled', async () => {
    let produced = 0;
    async function* lines() {
      for (let i = 0; i < 3; i++) {
        produced++;
        yield csvLine([i]);
      }
    }
    const res = csvResponse(lines(), 'calls 2026.csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="calls_2026.csv"');
    expect(produced).toBe(0);
    expect(await res.text()).toBe('0\r\n1\r\n2\r\n');
    expect(produced).toBe(3);
  });
});
