import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveGenericConnection } from '../connections/generic-connection';
import { ensureGapStore } from '../gap-store/rebuild';
import { checkCsv } from '../helpdesks/generic/csv-check';
import { guessMapping } from '../helpdesks/generic/csv-rows';
import { FIVE_POINT_SCALE } from '../helpdesks/shared/scales';
import { DEFAULT_SETTINGS, ticketKey, type Connection, type SelfAssessment, type Settings } from '../model';
import { syncConnection } from '../sync/sync-connection';
import { freshDatabase } from '../sync/test-harness';
import { getDb } from './db';
import { importCsvRatings } from './csv-ratings-import';

const ORIGIN = 'https://help.acme.example';
const HEADERS = ['Ticket', 'Rating', 'Date', 'Comment', 'Agent'];

let settings: Settings;
let connection: Connection;
beforeEach(async () => {
  freshDatabase();
  settings = DEFAULT_SETTINGS;
  const saved = await saveGenericConnection(
    { label: 'Acme help', pattern: `${ORIGIN}/tickets/{id}`, agentName: '' },
    { updateSettings: async (change) => (settings = change(settings)) },
  );
  if (!saved.ok) throw new Error(saved.error);
  connection = saved.connection;
});

type Row = { ticket: number; rating: number; day: number; comment: string };
const csvOf = (rows: readonly Row[]) =>
  [
    HEADERS.join(','),
    ...rows.map((r) => `${r.ticket},${r.rating},2026-11-${String(r.day).padStart(2, '0')},${r.comment},`),
  ].join('\n');

async function importText(text: string, options: Parameters<typeof importCsvRatings>[2] = {}) {
  const check = await checkCsv(text, HEADERS, guessMapping(HEADERS), FIVE_POINT_SCALE);
  return importCsvRatings(connection, check.ratings, { batchSize: 3, ...options });
}

const stored = async () =>
  (await getDb().csatRatings.toArray())
    .map((r) => [r.ticketId, r.rating.value, r.createdAt.slice(0, 10), r.comment])
    .sort((a, b) => Number(a[0]) - Number(b[0]));

describe('storing a CSV export', () => {
  it('stores valid rows as this connection’s ratings, keyed by origin and ticket', async () => {
    const outcome = await importText(csvOf([{ ticket: 7, rating: 4, day: 2, comment: 'fine' }]));
    expect(outcome).toEqual({ inserted: 1, updated: 0, unchanged: 0, keptNewer: 0 });
    expect(await getDb().csatRatings.get(`${connection.id}:7`)).toMatchObject({
      connectionId: connection.id,
      kind: 'generic',
      origin: ORIGIN,
      ticketKey: ticketKey(ORIGIN, '7'),
      source: 'csv-import',
      rating: { scale: 'five-point', value: 4, normalized: 0.75, satisfied: true },
      comment: 'fine',
      createdAt: '2026-11-02T00:00:00.000Z',
    });
  });

  // Re-imports as a table: [what is stored first, the file imported next, the outcome, what is stored then].
  it.each([
    [
      'the same file',
      [
        [1, 5, 1],
        [2, 3, 1],
      ],
      [
        [1, 5, 1],
        [2, 3, 1],
      ],
      { inserted: 0, updated: 0, unchanged: 2, keptNewer: 0 },
      [
        [1, 5],
        [2, 3],
      ],
    ],
    [
      'an overlapping export',
      [
        [1, 5, 1],
        [2, 3, 1],
      ],
      [
        [2, 3, 1],
        [3, 1, 2],
      ],
      { inserted: 1, updated: 0, unchanged: 1, keptNewer: 0 },
      [
        [1, 5],
        [2, 3],
        [3, 1],
      ],
    ],
    [
      'a changed rating, same date',
      [[1, 5, 1]],
      [[1, 2, 1]],
      { inserted: 0, updated: 1, unchanged: 0, keptNewer: 0 },
      [[1, 2]],
    ],
    [
      'a re-rating on a later date',
      [[1, 5, 1]],
      [[1, 2, 4]],
      { inserted: 0, updated: 1, unchanged: 0, keptNewer: 0 },
      [[1, 2]],
    ],
    [
      'an older export after a newer one',
      [[1, 2, 4]],
      [[1, 5, 1]],
      { inserted: 0, updated: 0, unchanged: 0, keptNewer: 1 },
      [[1, 2]],
    ],
  ] as const)('%s', async (_label, first, second, outcome, after) => {
    const rows = (list: readonly (readonly number[])[]) =>
      list.map(([ticket, rating, day]) => ({ ticket: ticket!, rating: rating!, day: day!, comment: '' }));
    await importText(csvOf(rows(first)));
    expect(await importText(csvOf(rows(second)))).toEqual(outcome);
    expect((await stored()).map(([id, value]) => [Number(id), value])).toEqual(after);
  });

  it('property: any sequence of overlapping exports leaves one record per ticket, the latest, and re-importing is a no-op', async () => {
    const row = fc.record({
      ticket: fc.integer({ min: 1, max: 12 }),
      rating: fc.integer({ min: 1, max: 5 }),
      day: fc.integer({ min: 1, max: 28 }),
      comment: fc.constantFrom('', 'ok', 'slow'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { maxLength: 15 }), { minLength: 1, maxLength: 4 }), async (files) => {
        await getDb().csatRatings.clear();
        for (const file of files) await importText(csvOf(file));
        const afterAll = await stored();
        // Importing the same exports again, in the same order, changes nothing. (In another order a
        // tie — the same ticket and date rated differently in two files — goes to the file imported
        // last, by design: a changed rating updates.)
        for (const file of files) await importText(csvOf(file));
        expect(await stored()).toEqual(afterAll);
        // And the last file again writes nothing.
        const last = await importText(csvOf(files.at(-1)!));
        expect(last.inserted + last.updated).toBe(0);
        // One record per ticket: the one with the latest date (ties: the last imported; compared by date here).
        const tickets = new Set(files.flat().map((r) => r.ticket));
        expect(afterAll.map(([id]) => Number(id))).toEqual([...tickets].sort((a, b) => a - b));
        for (const [id, , date] of afterAll) {
          const latest = Math.max(
            ...files
              .flat()
              .filter((r) => r.ticket === Number(id))
              .map((r) => r.day),
          );
          expect(date).toBe(`2026-11-${String(latest).padStart(2, '0')}`);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('stores nothing when cancelled, even after some batches were written', async () => {
    await importText(csvOf([{ ticket: 1, rating: 5, day: 1, comment: '' }]));
    const before = await stored();
    const controller = new AbortController();
    const rows = Array.from({ length: 10 }, (_, i) => ({ ticket: i + 1, rating: 1, day: 9, comment: 'new' }));
    const run = importText(csvOf(rows), {
      signal: controller.signal,
      onProgress: (written) => {
        if (written >= 6) controller.abort();
      },
    });
    await expect(run).rejects.toThrow('The import was cancelled.');
    expect(await stored()).toEqual(before);
  });

  it('reports progress batch by batch up to the total', async () => {
    const progress: [number, number][] = [];
    const rows = Array.from({ length: 7 }, (_, i) => ({ ticket: i + 1, rating: 3, day: 1, comment: '' }));
    await importText(csvOf(rows), { onProgress: (written, total) => progress.push([written, total]) });
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
  });

  it('flows into the gap store: an assessed ticket becomes matched', async () => {
    const assessment: SelfAssessment = {
      ticketKey: ticketKey(ORIGIN, '42'),
      ticket: { kind: 'generic', origin: ORIGIN, ticketId: '42' },
      agentId: null,
      standardSetId: 'gaplens-default',
      standardSetVersion: 1,
      scores: { timely: 5 },
      predictedCsat: { scale: 'five-point', value: 5, normalized: 1, satisfied: true },
      notes: { gotInTheWay: '', worked: '' },
      createdAt: '2026-11-01T10:00:00.000Z',
      updatedAt: '2026-11-01T10:00:00.000Z',
    };
    await getDb().assessments.put(assessment);
    await ensureGapStore('UTC');
    await importText(csvOf([{ ticket: 42, rating: 2, day: 3, comment: 'slow' }]));
    expect(await getDb().gapTickets.get(assessment.ticketKey)).toMatchObject({
      kind: 'matched',
      connectionId: connection.id,
      actual: { value: 2, normalized: 0.25 },
      gap: 0.75,
      comment: 'slow',
    });
  });
});

describe('the generic connection', () => {
  it('puts its ticket pattern where the popup looks, and refuses a second connection on the origin', async () => {
    expect(settings.helpdeskOrigins).toEqual([{ kind: 'generic', origin: ORIGIN, ticketPath: '/tickets/{id}' }]);
    expect(connection).toMatchObject({ kind: 'generic', authType: 'none', enabled: false, agent: null });
    const again = await saveGenericConnection(
      { label: 'Twice', pattern: `${ORIGIN}/t/{id}`, agentName: '' },
      { updateSettings: async (change) => (settings = change(settings)) },
    );
    expect(again).toEqual({ ok: false, error: `${ORIGIN} is already connected as “Acme help”.` });
  });

  it('moving it to another origin drops the old origin’s ratings and pattern', async () => {
    await importText(csvOf([{ ticket: 1, rating: 5, day: 1, comment: '' }]));
    const moved = await saveGenericConnection(
      { id: connection.id, label: 'Acme', pattern: 'https://desk.acme.example/c/{id}', agentName: 'Ana' },
      { updateSettings: async (change) => (settings = change(settings)) },
    );
    expect(moved).toMatchObject({ ok: true, previousOrigin: ORIGIN, connection: { agent: { id: 'Ana' } } });
    expect(await getDb().csatRatings.count()).toBe(0);
    expect(settings.helpdeskOrigins).toEqual([
      { kind: 'generic', origin: 'https://desk.acme.example', ticketPath: '/c/{id}' },
    ]);
  });

  it('is never synced: it has no API, its ratings come from CSV import', async () => {
    expect(await syncConnection(connection.id)).toEqual({ status: 'skipped', reason: 'ratings come from CSV import' });
    expect(await getDb().syncState.get(connection.id)).toBeUndefined();
  });

  it('refuses a bad pattern and stores nothing', async () => {
    const result = await saveGenericConnection(
      { label: 'Bad', pattern: 'http://help.other.example/t/{id}', agentName: '' },
      { updateSettings: async (change) => (settings = change(settings)) },
    );
    expect(result).toEqual({
      ok: false,
      error:
        'Ticket URL pattern: Plain http is only allowed for localhost and 127.0.0.1; use https://help.other.example instead.',
    });
    expect(await getDb().connections.count()).toBe(1);
  });
});
