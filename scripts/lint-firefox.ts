/**
 * `npm run lint:firefox`: runs web-ext's linter (the one AMO runs on upload) on dist/firefox-mv3 and
 * fails on any error or unexplained warning (scripts/firefox-lint-report.ts).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { lintFailures, type LintReport } from './firefox-lint-report';

const SOURCE_DIR = process.argv[2] ?? 'dist/firefox-mv3';
// The package exports only its API; its CLI sits beside the entry point.
const webExt = join(dirname(createRequire(import.meta.url).resolve('web-ext')), 'bin', 'web-ext.js');
// No config discovery (a personal ~/.web-ext-config must not change the verdict) and no update check
// (CI may be offline).
const run = spawnSync(
  process.execPath,
  [webExt, 'lint', '--source-dir', SOURCE_DIR, '--output', 'json', '--no-config-discovery'],
  { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
);

let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  console.error(`web-ext lint gave no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint ${SOURCE_DIR}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
const failures = lintFailures(report);
for (const failure of failures) console.error(`  - ${failure}`);
if (warnings > 0 && failures.length === 0)
  console.log('  (the warnings are React DOM’s innerHTML assignments, explained in README “Firefox”)');
process.exit(failures.length > 0 ? 1 : 0);
