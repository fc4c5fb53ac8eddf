import { describe, expect, it } from 'vitest';
import { basicAuthorization, bearerAuthorization } from './basic-auth';

const decode = (header: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(header.replace(/^Basic /, '')), (c) => c.charCodeAt(0)));

describe('basicAuthorization', () => {
  it('builds Zendesk’s email/token form and Freshdesk’s KEY:X form', () => {
    expect(decode(basicAuthorization('agent@acme.test/token', 's3cret'))).toBe('agent@acme.test/token:s3cret');
    expect(basicAuthorization('abcdef', 'X')).toBe(`Basic ${btoa('abcdef:X')}`);
  });

  it('encodes non-ASCII user names as UTF-8 instead of throwing', () => {
    expect(decode(basicAuthorization('zoë@acme.test/token', 't'))).toBe('zoë@acme.test/token:t');
  });

  it('builds a bearer header', () => {
    expect(bearerAuthorization('tok')).toBe('Bearer tok');
  });
});
