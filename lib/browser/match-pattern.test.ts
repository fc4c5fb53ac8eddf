import { describe, expect, it } from 'vitest';
import { originMatchPattern } from './match-pattern';

describe('originMatchPattern', () => {
  it('keeps the port where the browser allows one (Chrome)', () => {
    expect(originMatchPattern('http://127.0.0.1:4010', true)).toBe('http://127.0.0.1:4010/*');
    expect(originMatchPattern('https://acme.zendesk.com', true)).toBe('https://acme.zendesk.com/*');
  });

  it('drops the port for Firefox, which refuses patterns with one', () => {
    expect(originMatchPattern('http://127.0.0.1:4010', false)).toBe('http://127.0.0.1/*');
    expect(originMatchPattern('http://localhost:5173', false)).toBe('http://localhost/*');
    expect(originMatchPattern('https://help.acme.example:8443', false)).toBe('https://help.acme.example/*');
  });

  it('leaves a hosted helpdesk origin alone in both browsers', () => {
    for (const portsAllowed of [true, false])
      expect(originMatchPattern('https://acme.freshdesk.com', portsAllowed)).toBe('https://acme.freshdesk.com/*');
  });

  it('follows the build: the unit tests build for Chrome', () => {
    expect(import.meta.env.FIREFOX).toBeFalsy();
    expect(originMatchPattern('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/*');
  });
});
