import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../model';
import { checkSettingsJson, describeSettingsJsonProblem, formatSettingsJson } from './settings-json';

const withOrigins: Settings = {
  ...DEFAULT_SETTINGS,
  helpdeskOrigins: [
    { kind: 'zendesk', origin: 'http://127.0.0.1:8123' },
    { kind: 'freshdesk', origin: 'https://acme.example.com' },
  ],
};

/** 1-based line of the first line containing `needle`, found independently of the code under test. */
function lineOf(text: string, needle: string, from = 0): number {
  return text.split('\n').findIndex((line, index) => index >= from && line.includes(needle)) + 1;
}

function problemsOf(text: string) {
  const result = checkSettingsJson(text);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('formatSettingsJson', () => {
  it('indents with two spaces and reads back to the same settings', () => {
    const text = formatSettingsJson(withOrigins);
    expect(text).toContain('\n  "sync": {\n    "intervalMinutes": 15,');
    expect(checkSettingsJson(text)).toEqual({ ok: true, settings: withOrigins });
  });
});

describe('checkSettingsJson', () => {
  it('accepts a valid edited document and returns the parsed settings', () => {
    const text = formatSettingsJson(DEFAULT_SETTINGS).replace('"intervalMinutes": 15', '"intervalMinutes": 30');
    const result = checkSettingsJson(text);
    expect(result).toEqual({
      ok: true,
      settings: { ...DEFAULT_SETTINGS, sync: { ...DEFAULT_SETTINGS.sync, intervalMinutes: 30 } },
    });
  });

  it('reports a syntax error with its line and column', () => {
    // Line 3 lacks the comma after 15, so the parser trips at the start of line 4's property name.
    const text = '{\n  "sync": {\n    "intervalMinutes": 15\n    "trailingWindowDays": 14\n  }\n}';
    const problems = problemsOf(text);
    expect(problems[0]).toEqual({ line: 4, column: 5, path: '', message: 'A comma is expected here.' });
    expect(describeSettingsJsonProblem(problems[0]!)).toBe('Line 4, column 5: A comma is expected here.');
  });

  it('reports an unclosed document at its end', () => {
    const problems = problemsOf('{\n  "version": 1,\n');
    expect(problems.at(-1)).toMatchObject({ line: 3, column: 1 });
  });

  it('points a schema error inside an array at the line and column of that value', () => {
    const text = formatSettingsJson(withOrigins).replace('https://acme.example.com', 'http://acme.example.com');
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    const line = lineOf(text, 'http://acme.example.com');
    expect(problem).toMatchObject({
      line,
      column: text.split('\n')[line - 1]!.indexOf('"http://') + 1,
      path: 'helpdeskOrigins[1].origin',
    });
    expect(problem!.message).toMatch(/Plain http is only allowed for localhost and 127\.0\.0\.1/);
  });

  it('points a missing property at the object it belongs in', () => {
    const text = formatSettingsJson(DEFAULT_SETTINGS)
      .replace('    "trailingWindowDays": 14\n', '')
      .replace('15,', '15');
    const [problem, ...rest] = problemsOf(text);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: lineOf(text, '"sync"'), path: 'sync.trailingWindowDays' });
    expect(problem!.column).toBe(text.split('\n')[problem!.line - 1]!.indexOf('{') + 1);
    expect(problem!.message).toMatch(/missing from this object/);
  });

  it('reports several errors at once, in document order', () => {
    const text = formatSettingsJson(withOrigins)
      .replace('"version": 1', '"version": 2')
      .replace('"zendesk"', '"Zendesk!"')
      .replace('"intervalMinutes": 15', '"intervalMinutes": 1');
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.path, p.line])).toEqual([
      ['version', lineOf(text, '"version"')],
      ['helpdeskOrigins[0].kind', lineOf(text, '"Zendesk!"')],
      ['sync.intervalMinutes', lineOf(text, '"intervalMinutes"')],
    ]);
  });

  it('names unknown (e.g. misspelt) settings instead of dropping them on save', () => {
    const text = formatSettingsJson(DEFAULT_SETTINGS).replace(
      '"timeZone": null',
      '"timeZone": null,\n  "tmeZone": "UTC"',
    );
    expect(problemsOf(text)).toEqual([
      { line: lineOf(text, '"tmeZone"'), column: 3, path: 'tmeZone', message: 'Unknown setting.' },
    ]);
  });

  it('refuses a key given twice', () => {
    const text = formatSettingsJson(DEFAULT_SETTINGS).replace(
      '"timeZone": null',
      '"timeZone": null,\n  "timeZone": "UTC"',
    );
    expect(problemsOf(text)).toEqual([
      {
        line: lineOf(text, '"timeZone"') + 1,
        column: 3,
        path: 'timeZone',
        message: '“timeZone” appears more than once in this object.',
      },
    ]);
  });

  it('rejects comments, an empty text and a non-object document', () => {
    expect(problemsOf('{ // note\n}')[0]).toMatchObject({ line: 1, column: 3 });
    expect(problemsOf('   ')[0]).toMatchObject({ line: 1, column: 4 });
    expect(problemsOf('[]')[0]).toMatchObject({ line: 1, column: 1, path: '(root)' });
  });

  it('counts CRLF line endings once', () => {
    const text = formatSettingsJson(DEFAULT_SETTINGS).replace('"version": 1', '"version": 2').replaceAll('\n', '\r\n');
    expect(problemsOf(text)[0]).toMatchObject({ line: 2, column: 14, path: 'version' });
  });
});
