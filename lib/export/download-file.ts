/** Offers a Blob (CSV text, an XLSX workbook…) as a download from an extension page. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Chromium reads the blob after the click returns; revoking at once can fail the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Text as a UTF-8 file download (CSV, JSON). */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}
