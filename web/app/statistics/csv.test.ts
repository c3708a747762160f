import { describe, expect, it } from 'vitest';
import { escapeCsvCell, toCsv } from './csv';

describe('statistics CSV', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(
      toCsv([
        ['Bulan', 'Laporan'],
        ['Januari "awal"', '12'],
      ]),
    ).toBe('\uFEFF"Bulan","Laporan"\r\n"Januari ""awal""","12"\r\n');
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(escapeCsvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(escapeCsvCell('< 5')).toBe('"< 5"');
  });
});
