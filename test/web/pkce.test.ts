/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { codeChallenge } from '../../web/src/features/auth/cognito.ts';

describe('the deployed sign-in (authorization code with PKCE)', () => {
  it('derives the S256 code challenge of RFC 7636, appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
