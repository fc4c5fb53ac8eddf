import { downloadText } from './download-file';

/** `gaplens-assessments-2026-11-23.json` (the date in UTC, like every stored time). */
export function exportFileName(kind: 'assessments' | 'settings', at = new Date()): string {
  return `gaplens-${kind}-${at.toISOString().slice(0, 10)}.json`;
}

/** Offers `data` as a JSON file download from an extension page. */
export function downloadJson(fileName: string, data: unknown): void {
  downloadText(fileName, `${JSON.stringify(data, null, 2)}\n`, 'application/json');
}
