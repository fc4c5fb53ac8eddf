import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../model';
import { buildSettingsFile, parseSettingsFile } from './settings-file';

const valid = {
  format: 'gaplens-settings',
  version: 1,
  settings: { ...DEFAULT_SETTINGS, helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://127.0.0.1:8123' }] },
  connections: [
    {
      kind: 'zendesk',
      label: 'Acme',
      origin: 'https://acme.zendesk.com/',
      credentials: { type: 'api-token', email: 'ana@acme.example', token: 't' },
    },
  ],
};
const text = (value: unknown) => JSON.stringify(value);

describe('settings file', () => {
  it('reads a valid file and canonicalises origins', () => {
    const read = parseSettingsFile(text(valid));
    expect(read.ok && read.file.connections?.[0]?.origin).toBe('https://acme.zendesk.com');
  });

  it('refuses a non-https origin outside this machine, with its path', () => {
    const bad = {
      ...valid,
      settings: { ...valid.settings, helpdeskOrigins: [{ kind: 'zendesk', origin: 'http://help.acme.example' }] },
    };
    expect(parseSettingsFile(text(bad))).toEqual({
      ok: false,
      error:
        'settings.helpdeskOrigins[0].origin: Plain http is only allowed for localhost and 127.0.0.1; use https://help.acme.example instead.',
    });
    const badConnection = { ...valid, connections: [{ ...valid.connections[0], origin: 'http://acme.zendesk.com' }] };
    expect(parseSettingsFile(text(badConnection))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^connections\[0\]\.origin: Plain http/),
    });
  });

  it('refuses unknown helpdesks and credentials of the wrong kind', () => {
    const unknown = {
      ...valid,
      settings: { ...valid.settings, helpdeskOrigins: [{ kind: 'kayako', origin: 'https://x.example' }] },
    };
    expect(parseSettingsFile(text(unknown))).toMatchObject({
      ok: false,
      error: 'settings.helpdeskOrigins[0].kind: “kayako” is not a helpdesk GapLens supports',
    });
    const wrongAuth = {
      ...valid,
      connections: [{ ...valid.connections[0], credentials: { type: 'api-key', apiKey: 'k' } }],
    };
    expect(parseSettingsFile(text(wrongAuth))).toMatchObject({
      ok: false,
      error: 'connections[0].credentials.type: zendesk connections use api-token or oauth-token',
    });
  });

  it('names the format, version and JSON problems', () => {
    expect(parseSettingsFile('{"format": "something-else", "version": 2}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('format: Invalid input: expected "gaplens-settings"'),
    });
    expect(parseSettingsFile('{nope')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^The file is not valid JSON/),
    });
  });

  it('exports settings that import again, and never credentials', () => {
    const file = buildSettingsFile(valid.settings);
    expect(JSON.stringify(file)).not.toMatch(/credentials|token|apiKey/);
    expect(parseSettingsFile(text(file))).toEqual({ ok: true, file });
  });
});
