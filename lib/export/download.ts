/** `gaplens-assessments-2026-11-23.json` (the date in UTC, like every stored time). */
export function exportFileName(kind: 'assessments' | 'settings', at = new Date()): string {
  return `gaplens-${kind}-${at.toISOString().slice(0, 10)}.json`;
}

/** Offers `data` as a JSON file download from an extension page. */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Chromium reads the blob asynchronously after the click; revoking at once can fail the download
  // ("Failed - network error"). A minute is plenty, and the page keeps nothing else alive.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
