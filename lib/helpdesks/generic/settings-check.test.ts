import { describe, expect, it } from 'vitest';
import { parseSettingsFile } from '../../export/settings-file';
import { DEFAULT_SETTINGS, type HelpdeskOriginEntry } from '../../model';
import { checkSettingsJson, describeSettingsJsonProblem } from '../../settings/settings-json';
import { ticketPathProblems } from './settings-check';

const ACME = 'https://help.acme.example';

describe('ticket paths in settings', () => {
  it.each([
    [[{ kind: 'generic', origin: ACME, ticketPath: '/tickets/{id}' }], []],
    [[{ kind: 'zendesk', origin: ACME }], []],
    [
      [{ kind: 'generic', origin: ACME, ticketPath: '/tickets/' }],
      [{ path: [0, 'ticketPath'], message: 'Put {id} where the ticket number is.' }],
    ],
    [
      [{ kind: 'generic', origin: ACME }],
      [{ path: [0, 'kind'], message: 'a “generic” helpdesk needs its ticketPath, e.g. "/tickets/{id}"' }],
    ],
    [
      [
        { kind: 'zendesk', origin: 'https://z.example' },
        { kind: 'zendesk', origin: ACME, ticketPath: '/t/{id}' },
      ],
      [{ path: [1, 'ticketPath'], message: 'zendesk knows its own ticket paths; only “generic” takes one' }],
    ],
  ] as const)('%j → %j', (entries, problems) => {
    expect(ticketPathProblems(entries as readonly HelpdeskOriginEntry[])).toEqual(problems);
  });

  it('the settings file import names a broken pattern and refuses the file', () => {
    const file = {
      format: 'gaplens-settings',
      version: 1,
      settings: {
        ...DEFAULT_SETTINGS,
        helpdeskOrigins: [{ kind: 'generic', origin: ACME, ticketPath: '/t/{id}/{id}' }],
      },
    };
    const read = parseSettingsFile(JSON.stringify(file));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error).toContain('settings.helpdeskOrigins[0].ticketPath: Use {id} only once');
  });

  it('the JSON view points at the broken pattern’s line and column', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      helpdeskOrigins: [{ kind: 'generic', origin: ACME, ticketPath: 'tickets/{id}' }],
    };
    const text = JSON.stringify(settings, null, 2);
    const check = checkSettingsJson(text);
    expect(check.ok).toBe(false);
    const line = text.split('\n').findIndex((l) => l.includes('"ticketPath"')) + 1;
    if (!check.ok)
      expect(check.problems.map(describeSettingsJsonProblem)).toEqual([
        `Line ${line}, column 21: helpdeskOrigins[0].ticketPath: Add the ticket path after the address, e.g. /tickets/{id}.`,
      ]);
  });
});
