/** A CSV cell value: text, a number, a date (ISO 8601), or nothing. */
export type CsvValue = string | number | bigint | Date | null | undefined;

// A cell a spreadsheet would run as a formula (CSV injection) starts with one of these.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV line (RFC 4180, CRLF-terminated): cells with commas, quotes or line breaks are quoted,
 * quotes doubled. Text that a spreadsheet would read as a formula gets a leading `'` (OWASP's
 * advice for CSV injection); numbers are written as they are, so negative amounts stay numbers.
 */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A streamed HTTP response of CSV lines from an async source, pulled one chunk at a time as the
 * client reads, so an export of millions of rows never sits in memory.
 */
export function csvResponse(lines: AsyncIterable<string>, filename: string): Response {
  const iterator = lines[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'cache-control': 'no-store',
    },
  });
}
