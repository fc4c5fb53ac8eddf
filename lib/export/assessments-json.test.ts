import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../db/test-drafts';
import { assessmentsExportSchema, buildAssessmentsExport, parseAssessmentsFile } from './assessments-json';
import { exportFileName } from './download';

const at = '2026-11-23T10:49:49.000Z';
const assessment = { ...sampleDraft(), createdAt: at, updatedAt: at };

describe('assessments export', () => {
  it('has the documented envelope and validates against its schema', () => {
    const file = buildAssessmentsExport([assessment], new Date(at));
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'assessments']);
    expect(file).toMatchObject({ format: 'gaplens-assessments', version: 1, exportedAt: at });
    expect(assessmentsExportSchema.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });

  it('names the file by kind and UTC date', () => {
    expect(exportFileName('assessments', new Date(at))).toBe('gaplens-assessments-2026-11-23.json');
  });
});

describe('parseAssessmentsFile', () => {
  it('names the path of a bad record', () => {
    const file = buildAssessmentsExport([]);
    const bad = { ...file, assessments: [{ ticketKey: 'x', scores: { timely: 9 } }] };
    const read = parseAssessmentsFile(JSON.stringify(bad));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain('assessments[0].scores.timely');
  });

  it('says when the text is not JSON', () => {
    const read = parseAssessmentsFile('{nope');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toMatch(/^The file is not valid JSON/);
  });

  it('reads back what the export wrote', () => {
    const read = parseAssessmentsFile(JSON.stringify(buildAssessmentsExport([])));
    expect(read).toMatchObject({ ok: true, file: { format: 'gaplens-assessments', assessments: [] } });
  });
});
