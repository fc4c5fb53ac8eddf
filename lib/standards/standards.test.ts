import { IDBFactory } from 'fake-indexeddb';
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveAssessment } from '../db/assessments';
import { DB_NAME, resetDbInstance } from '../db/db';
import { readActiveStandardSet, readStandardSetVersion, seedDefaultStandardSet } from '../db/standard-sets';
import { sampleDraft } from '../db/test-drafts';
import { standardSetLookup, standardsScore } from '../gap';
import { DEFAULT_STANDARD_SET } from '../model';
import { readSettings } from '../settings/settings-store';
import { installStandardSet, publishStandardSet } from './publish';
import { buildStandardSetFile, diffStandardSets, parseStandardSetFile, standardIdFor } from './standard-set-file';

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  resetDbInstance();
  // Dexie keeps the IndexedDB factory it found at import, so a new factory alone does not isolate tests.
  await Dexie.delete(DB_NAME);
  fakeBrowser.reset();
  await seedDefaultStandardSet();
});

async function storedSets() {
  const sets = [];
  for (const version of [1, 2, 3]) {
    const read = await readStandardSetVersion(DEFAULT_STANDARD_SET.id, version);
    if (read.status === 'ok') sets.push(read.value);
  }
  return standardSetLookup(sets);
}

describe('standard-set versions', () => {
  it('an assessment made on v1 scores the same after v2 is published', async () => {
    const draft = sampleDraft();
    const { assessment } = await saveAssessment({
      ...draft,
      scores: { ...draft.scores, timely: 1, 'well-presented': 5 },
    });
    const before = standardsScore(assessment, await storedSets());

    // v2: reweighted, one standard removed, one added, reordered.
    const standards = DEFAULT_STANDARD_SET.standards
      .filter((s) => s.id !== 'well-presented')
      .map((s) => (s.id === 'timely' ? { ...s, weight: 5 } : s))
      .reverse();
    standards.push({
      id: 'proactive',
      title: 'Proactive',
      description: 'They told me before I had to ask.',
      factor: 'practices',
      weight: 1,
      allowNa: true,
    });
    const published = await publishStandardSet({ id: DEFAULT_STANDARD_SET.id, name: 'Acme promise', standards });
    expect(published).toMatchObject({ ok: true, set: { version: 2 } });

    const after = standardsScore(assessment, await storedSets());
    expect(after).toBe(before);
    expect(assessment.standardSetVersion).toBe(1);
    expect((await readActiveStandardSet(DEFAULT_STANDARD_SET.id)).set.version).toBe(2);
  });

  it('refuses to publish an invalid set and writes nothing', async () => {
    const result = await publishStandardSet({
      id: DEFAULT_STANDARD_SET.id,
      name: 'x',
      standards: [{ ...DEFAULT_STANDARD_SET.standards[0]!, weight: 0 }],
    });
    expect(result).toEqual({ ok: false, error: 'standards[0].weight: Too small: expected number to be >0' });
    expect((await readStandardSetVersion(DEFAULT_STANDARD_SET.id, 2)).status).toBe('missing');
  });

  it('installs an imported set and makes it active; the same version with other content is refused', async () => {
    const team = { ...DEFAULT_STANDARD_SET, id: 'acme', name: 'Acme', version: 3 };
    expect(await installStandardSet(team)).toMatchObject({ ok: true });
    expect((await readSettings()).settings.activeStandardSetId).toBe('acme');
    expect(await installStandardSet(team)).toMatchObject({ ok: true });
    const other = { ...team, standards: team.standards.slice(1) };
    expect(await installStandardSet(other)).toMatchObject({
      ok: false,
      error: expect.stringContaining('acme@3 is already installed'),
    });
  });
});

describe('standard-set import validation', () => {
  const good = buildStandardSetFile(DEFAULT_STANDARD_SET);
  const withStandard = (index: number, change: Record<string, unknown>) => ({
    ...good,
    set: { ...good.set, standards: good.set.standards.map((s, i) => (i === index ? { ...s, ...change } : s)) },
  });
  it.each<[string, unknown, string]>([
    ['wrong format', { ...good, format: 'gaplens-settings' }, 'format: Invalid input: expected "gaplens-standard-set"'],
    ['future version', { ...good, version: 2 }, 'version: Invalid input: expected 1'],
    ['no set', { format: good.format, version: 1 }, 'set: Invalid input: expected object, received undefined'],
    ['unknown field', { ...good, extra: true }, '(root): Unrecognized key: "extra"'],
    [
      'bad set id',
      { ...good, set: { ...good.set, id: 'Acme Set' } },
      'set.id: use lower-case letters, digits and dashes',
    ],
    ['version zero', { ...good, set: { ...good.set, version: 0 } }, 'set.version: Too small: expected number to be >0'],
    [
      'no standards',
      { ...good, set: { ...good.set, standards: [] } },
      'set.standards: Too small: expected array to have >=1 items',
    ],
    [
      'empty title',
      withStandard(2, { title: '  ' }),
      'set.standards[2].title: Too small: expected string to have >=1 characters',
    ],
    [
      'unknown factor',
      withStandard(1, { factor: 'product' }),
      'set.standards[1].factor: Invalid option: expected one of "people"|"practices"|"presentation"',
    ],
    ['weight too big', withStandard(0, { weight: 11 }), 'set.standards[0].weight: Too big: expected number to be <=10'],
    [
      'N/A not a boolean',
      withStandard(4, { allowNa: 'yes' }),
      'set.standards[4].allowNa: Invalid input: expected boolean, received string',
    ],
    ['duplicate id', withStandard(3, { id: 'timely' }), 'set.standards[3].id: duplicate standard id “timely”'],
    ['bad time', { ...good, set: { ...good.set, publishedAt: '2026-11-01' } }, 'set.publishedAt: Invalid ISO datetime'],
  ])('%s', (_name, file, error) => {
    const read = parseStandardSetFile(JSON.stringify(file));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.split('\n')[0]).toBe(error);
  });

  it('says when the text is not JSON, and reads a good file', () => {
    expect(parseStandardSetFile('<html>')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not valid JSON/),
    });
    expect(parseStandardSetFile(JSON.stringify(good))).toEqual({ ok: true, set: DEFAULT_STANDARD_SET });
  });
});

describe('diffStandardSets', () => {
  it('lists added, removed, changed fields and reordering', () => {
    const [first, second, ...rest] = DEFAULT_STANDARD_SET.standards;
    const next = {
      ...DEFAULT_STANDARD_SET,
      version: 2,
      standards: [second!, { ...first!, weight: 3, title: 'Fast' }, ...rest.slice(1), { ...first!, id: 'new-one' }],
    };
    const diff = diffStandardSets(DEFAULT_STANDARD_SET, next);
    expect(diff.added.map((s) => s.id)).toEqual(['new-one']);
    expect(diff.removed.map((s) => s.id)).toEqual([rest[0]!.id]);
    expect(diff.changed).toEqual([{ id: 'timely', title: 'Fast', fields: ['title', 'weight'] }]);
    expect(diff.reordered).toBe(true);
  });

  it('makes unique ids from titles', () => {
    expect(standardIdFor('Clear next steps!', new Set())).toBe('clear-next-steps');
    expect(standardIdFor('Timely', new Set(['timely']))).toBe('timely-2');
    expect(standardIdFor('  ', new Set())).toBe('standard');
  });
});
