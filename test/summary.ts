import { existsSync, readFileSync } from 'node:fs';

/**
 * Prints one closing line for CI over both runners' JSON reports (vitest and Playwright):
 * `Tests: N passed, N failed` (plus skipped when any). Exits non-zero when a report is missing.
 */
function counts(file: string, read: (json: Record<string, unknown>) => [number, number, number]) {
  if (!existsSync(file)) throw new Error(`${file} is missing: did that test run happen?`);
  return read(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
}

const unit = counts('reports/unit.json', (j) => [
  Number(j.numPassedTests),
  Number(j.numFailedTests),
  Number(j.numPendingTests) + Number(j.numTodoTests),
]);
const e2e = counts('reports/e2e.json', (j) => {
  const s = j.stats as Record<string, number>;
  if (s.flaky) console.log(`e2e: ${s.flaky} flaky (failed first, passed on retry): see the list above`);
  return [(s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, s.skipped ?? 0];
});
const [passed, failed, skipped] = [0, 1, 2].map((i) => unit[i]! + e2e[i]!);
console.log(`unit ${unit[0]} passed, e2e ${e2e[0]} passed`);
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
