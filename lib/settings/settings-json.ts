import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ticketPathProblems } from '../helpdesks/generic/settings-check';
import { formatPath, settingsSchema, type Settings } from '../model';

/** One thing wrong with a settings JSON text, placed where the user has to look (1-based). */
export interface SettingsJsonProblem {
  line: number;
  column: number;
  /** The setting's path (`helpdeskOrigins[0].origin`), `(root)` for the document, `''` for syntax errors. */
  path: string;
  message: string;
}

export type SettingsJsonCheck = { ok: true; settings: Settings } | { ok: false; problems: SettingsJsonProblem[] };

/** The text the JSON view starts from: the stored document, two-space indented like a hand-written file. */
export function formatSettingsJson(settings: Settings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Sentences for jsonc-parser's error codes; its own names (`CommaExpected`) read like an enum, not advice. */
const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character.',
  InvalidNumberFormat: 'This is not a valid number.',
  PropertyNameExpected: 'A property name in double quotes is expected here.',
  ValueExpected: 'A value is expected here.',
  ColonExpected: 'A colon (:) is expected here.',
  CommaExpected: 'A comma is expected here.',
  CloseBraceExpected: 'A closing brace (}) is expected here.',
  CloseBracketExpected: 'A closing bracket (]) is expected here.',
  EndOfFileExpected: 'Nothing may follow the closing brace of the document.',
  InvalidCommentToken: 'Comments are not allowed in settings JSON.',
  UnexpectedEndOfComment: 'This comment is not closed.',
  UnexpectedEndOfString: 'This string is not closed.',
  UnexpectedEndOfNumber: 'This number is cut short.',
  InvalidUnicode: 'Invalid \\u escape.',
  InvalidEscapeCharacter: 'Invalid escape character.',
  InvalidCharacter: 'Invalid character in a string (control characters must be escaped).',
};

/**
 * Checks a settings JSON text the way the options page's JSON view needs it: plain JSON (no comments,
 * no trailing commas, since the text is regenerated from storage and would silently lose them), then
 * the settings schema. Every problem carries the line and column of the offending value, so a long
 * document can be fixed without hunting; all problems are reported at once, not only the first.
 */
export function checkSettingsJson(text: string): SettingsJsonCheck {
  const lines = lineStarts(text);
  const at = (offset: number) => toLineColumn(lines, offset);

  const syntaxErrors: ParseError[] = [];
  const value: unknown = parse(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false });
  if (syntaxErrors.length > 0) {
    return {
      ok: false,
      problems: syntaxErrors.map((error) => {
        const code = printParseErrorCode(error.error);
        return { ...at(error.offset), path: '', message: SYNTAX_MESSAGES[code] ?? code };
      }),
    };
  }
  const root = parseTree(text);
  if (!root) return { ok: false, problems: [{ line: 1, column: 1, path: '', message: 'The document is empty.' }] };

  // JSON.parse-like readers keep the last of two equal keys; which one the user meant is a guess, so refuse.
  const problems: SettingsJsonProblem[] = duplicateKeys(root).map(({ node, path }) => ({
    ...at(node.offset),
    path: formatPath(path),
    message: `“${String(path.at(-1))}” appears more than once in this object.`,
  }));

  const parsed = settingsSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { node, exact } = nearestNode(root, issue.path);
      problems.push({
        ...at(node.offset),
        path: formatPath(issue.path),
        // A missing property has no text of its own: the message points at the object it belongs in.
        message: exact ? issue.message : `${issue.message} (missing from this object)`,
      });
    }
  } else {
    for (const { path, message } of ticketPathProblems(parsed.data.helpdeskOrigins)) {
      const node =
        findNodeAtLocation(root, ['helpdeskOrigins', ...path]) ??
        findNodeAtLocation(root, ['helpdeskOrigins', path[0]]);
      problems.push({ ...at(node?.offset ?? root.offset), path: formatPath(['helpdeskOrigins', ...path]), message });
    }
    // The schema strips keys it does not know; saving would quietly drop a misspelt setting, so name it.
    for (const path of unknownKeys(value, parsed.data, [])) {
      const node = findNodeAtLocation(root, path);
      problems.push({
        ...at(node?.parent?.offset ?? root.offset),
        path: formatPath(path),
        message: 'Unknown setting.',
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, settings: parsed.data };
}

/** Prints a problem the way an editor's problem list does. */
export function describeSettingsJsonProblem(problem: SettingsJsonProblem): string {
  const where = `Line ${problem.line}, column ${problem.column}`;
  return problem.path ? `${where}: ${problem.path}: ${problem.message}` : `${where}: ${problem.message}`;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    // \r\n counts once; a lone \r (old Mac files) still ends a line, as editors show it.
    if (char === '\n' || (char === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function toLineColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}

/** The node at `path`, or the deepest ancestor that exists (a missing property's object). */
function nearestNode(root: Node, path: readonly PropertyKey[]): { node: Node; exact: boolean } {
  const segments = path.filter((part): part is string | number => typeof part !== 'symbol');
  for (let length = segments.length; length > 0; length--) {
    const node = findNodeAtLocation(root, segments.slice(0, length));
    if (node) return { node, exact: length === segments.length };
  }
  return { node: root, exact: segments.length === 0 };
}

function duplicateKeys(node: Node, path: (string | number)[] = []): { node: Node; path: (string | number)[] }[] {
  const found: { node: Node; path: (string | number)[] }[] = [];
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      if (seen.has(key)) found.push({ node: keyNode, path: [...path, key] });
      seen.add(key);
      if (valueNode) found.push(...duplicateKeys(valueNode, [...path, key]));
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((child, index) => found.push(...duplicateKeys(child, [...path, index])));
  }
  return found;
}

/** Keys of plain objects in `input` that the validated `output` no longer has. */
function unknownKeys(input: unknown, output: unknown, path: (string | number)[]): (string | number)[][] {
  if (Array.isArray(input) && Array.isArray(output)) {
    return input.flatMap((item, index) => unknownKeys(item, output[index], [...path, index]));
  }
  if (!isRecord(input) || !isRecord(output)) return [];
  return Object.keys(input).flatMap((key) =>
    key in output ? unknownKeys(input[key], output[key], [...path, key]) : [[...path, key]],
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
