/**
 * Reads `web-ext lint --output json` for the Firefox build. Errors always fail. Warnings fail too,
 * except the ones README (“Firefox”) explains: `innerHTML` assignments inside bundled React DOM
 * (its support for `dangerouslySetInnerHTML` and a `<script>` parsing trick). GapLens's own code
 * cannot assign innerHTML (an ESLint rule forbids it), so such a warning can only come from a
 * dependency. Anything else is new and must be fixed or explained before it is allowed here.
 */

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

export interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** A warning README explains: an innerHTML assignment in a bundled chunk, never in our source. */
export function isExplainedWarning(warning: LintMessage): boolean {
  return (
    warning.code === 'UNSAFE_VAR_ASSIGNMENT' &&
    /innerHTML/.test(warning.message) &&
    (warning.file ?? '').startsWith('chunks/')
  );
}

/** The lines that make the lint fail; empty when the build may ship. */
export function lintFailures(report: LintReport): string[] {
  const describe = (kind: string, m: LintMessage) =>
    `${kind} ${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;
  return [
    ...report.errors.map((error) => describe('error', error)),
    ...report.warnings.filter((warning) => !isExplainedWarning(warning)).map((w) => describe('warning', w)),
  ];
}
