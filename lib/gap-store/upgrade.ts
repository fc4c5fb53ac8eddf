import type { Transaction } from 'dexie';

/**
 * Schema v4's upgrade: the cells of v2/v3 were all day cells, so they get `level: 'day'` and stay
 * valid rows. They are not trusted after the upgrade: the store's version moved on (schema.ts), so
 * the first reader rebuilds every level from the raw records.
 */
export async function upgradeGapCellsToLevels(tx: Transaction): Promise<void> {
  await tx
    .table('gapCells')
    .toCollection()
    .modify((cell: { level?: string }) => {
      cell.level ??= 'day';
    });
}
