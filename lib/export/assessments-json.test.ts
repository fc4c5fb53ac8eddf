import { describe, expect, it } from 'vitest';
import { sampleDraft } from '../db/test-drafts';
import { assessmentsExportSchema, buildAssessmentsExport } from './assessments-json';
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
