import { describe, expect, it } from 'vitest';
import { isExplainedWarning, lintFailures, type LintReport } from './firefox-lint-report';

const reactDomInnerHtml = {
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'chunks/messenger-Dd5__d-t.js',
  line: 9,
};
const report = (over: Partial<LintReport>): LintReport => ({
  summary: { errors: 0, notices: 0, warnings: 0 },
  errors: [],
  warnings: [],
  notices: [],
  ...over,
});

describe('Firefox lint report', () => {
  it('lets the build ship with only the innerHTML warnings README explains', () => {
    expect(isExplainedWarning(reactDomInnerHtml)).toBe(true);
    expect(lintFailures(report({ warnings: [reactDomInnerHtml, reactDomInnerHtml] }))).toEqual([]);
  });

  it('fails on any error', () => {
    const error = { code: 'MANIFEST_FIELD_REQUIRED', message: '"/name" is a required property', file: 'manifest.json' };
    expect(lintFailures(report({ errors: [error] }))).toEqual([
      'error MANIFEST_FIELD_REQUIRED: "/name" is a required property (manifest.json)',
    ]);
  });

  it('fails on a warning nobody explained, including innerHTML outside the bundled chunks', () => {
    const manifestWarning = { code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'Manifest key not supported' };
    const ownScript = { ...reactDomInnerHtml, file: 'content-scripts/helpdesk.js', line: 3 };
    expect(lintFailures(report({ warnings: [manifestWarning, ownScript] }))).toEqual([
      'warning KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION: Manifest key not supported',
      'warning UNSAFE_VAR_ASSIGNMENT: Unsafe assignment to innerHTML (content-scripts/helpdesk.js:3)',
    ]);
  });
});
