/**
 * CSV (RFC 4180) of a statistics table: every cell quoted, CRLF line ends, a BOM so that
 * spreadsheet programs read UTF-8. A cell that a spreadsheet would take for a formula (it
 * starts with = + - @, a tab or a carriage return) gets a leading apostrophe: a label comes from
 * an agency's configuration, and a CSV must not run anything where it is opened.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(escapeCsvCell).join(',')).join('\r\n')}\r\n`;
}
