import { describe, expect, it } from 'vitest';
import { readCsvHead, scanCsv } from './csv-scan';

describe('streaming a CSV export', () => {
  it('reads 100k rows chunk by chunk, numbering every row and reporting progress up to the end', async () => {
    const lines = ['Ticket,Rating,Date'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i},${(i % 5) + 1},2026-11-20`);
    const progress: number[] = [];
    let rows = 0;
    let lastRow = 0;
    const result = await scanCsv(
      lines.join('\n'),
      (cells, row) => {
        rows++;
        expect(row).toBe(lastRow === 0 ? 2 : lastRow + 1);
        expect(cells[0]).toBe(String(row - 1));
        lastRow = row;
      },
      { chunkSize: 64 * 1024, onProgress: (fraction) => progress.push(fraction) },
    );
    expect(result).toMatchObject({
      headers: ['Ticket', 'Rating', 'Date'],
      rows: 100_000,
      problems: [],
      aborted: false,
    });
    expect(rows).toBe(100_000);
    // Many steps, never backwards, ending at 1: what the progress bar shows.
    expect(progress.length).toBeGreaterThan(20);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it('stops after the chunk in which the signal aborts', async () => {
    const controller = new AbortController();
    const text = ['a,b', ...Array.from({ length: 5000 }, (_, i) => `${i},x`)].join('\n');
    let rows = 0;
    const result = await scanCsv(
      text,
      () => {
        if (++rows === 10) controller.abort();
      },
      { chunkSize: 1024, signal: controller.signal },
    );
    expect(result.aborted).toBe(true);
    expect(result.rows).toBeLessThan(5000);
  });

  it('reads the header and the first rows for the preview, without the spreadsheet’s byte-order mark', async () => {
    expect(await readCsvHead('\uFEFFTicket, Rating \n1,5\n\n2,4\n3,3', 2)).toEqual({
      headers: ['Ticket', 'Rating'],
      rows: [
        { row: 2, cells: ['1', '5'] },
        { row: 4, cells: ['2', '4'] },
      ],
    });
    await expect(readCsvHead('')).rejects.toThrow('The file is empty.');
  });
});
