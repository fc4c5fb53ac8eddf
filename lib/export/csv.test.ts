import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutralizeCell, parseCsv, toCsv } from './csv';

describe('CSV injection guard', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1+cmd|" /C calc"!A0', `'+1+cmd|" /C calc"!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
  ])('neutralizes %j', (input, expected) => {
    expect(neutralizeCell(input)).toBe(expected);
    // …and it survives quoting: the cell reads back exactly as neutralized.
    expect(parseCsv(toCsv(['name'], [[input]]))[1]).toEqual([expected]);
  });

  it.each(['Ana', 'a=b', ' =1', "'=already", '', 'Zoë, “quoted”'])('leaves %j alone', (input) => {
    expect(neutralizeCell(input)).toBe(input);
  });

  it('keeps negative numbers as numbers but guards negative-looking text', () => {
    const csv = toCsv(['gap', 'label'], [[-0.125, '-0.125']]);
    expect(parseCsv(csv)[1]).toEqual(['-0.125', "'-0.125"]);
  });

  it('guards header cells too', () => {
    expect(parseCsv(toCsv(['=evil'], []))[0]).toEqual(["'=evil"]);
  });
});

describe('RFC 4180 output', () => {
  it('uses CRLF, quotes commas, quotes and line breaks, and writes blanks for null', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', 'say "hi"', 'two\nlines'],
        [null, Number.NaN, true],
      ],
    );
    expect(csv).toBe('a,b,c\r\n"x,y","say ""hi""","two\nlines"\r\n,,true\r\n');
  });

  it('adds a BOM only when Excel-friendly', () => {
    expect(toCsv(['a'], [['é']]).charCodeAt(0)).toBe(0x61);
    const excel = toCsv(['a'], [['é']], { excelFriendly: true });
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(excel)).toEqual([['a'], ['é']]);
  });

  it('round-trips any text and number (property)', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }), (rows) => {
        const back = parseCsv(toCsv(['x', 'y'], rows));
        expect(back).toHaveLength(rows.length + 1);
        rows.forEach((row, r) =>
          row.forEach((value, c) => {
            const read = back[r + 1]![c]!;
            if (typeof value === 'number') expect(Number(read)).toBe(value === 0 ? 0 : value);
            else expect(read).toBe(neutralizeCell(value));
          }),
        );
      }),
    );
  });
});
