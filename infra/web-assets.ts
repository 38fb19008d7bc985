import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CityConfig } from './cities.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** The built web client (`npm run web:build`): what local mode serves and the city stack deploys. */
export const WEB_DIST = resolve(PROJECT_ROOT, 'web/dist');

/** The city's design-token theme as the stylesheet `/theme.css`: its variables on the class the page carries. */
export function themeCss(city: Pick<CityConfig, 'webTheme'>): string {
  const file = resolve(PROJECT_ROOT, 'node_modules/@rijkshuisstijl-community/design-tokens/dist', city.webTheme, 'index.css');
  return readFileSync(file, 'utf8').replace(`.${city.webTheme} {`, '.rhc-theme {');
}

/**
 * The web client's security headers, the same locally and from CloudFront: a strict
 * Content-Security-Policy (no inline script or style, nothing framed, the API on the same
 * origin) that also lets the client exchange its sign-in code at the managed login's domain.
 */
export function webSecurityHeaders(signInDomain?: string) {
  const connect = ["'self'", ...(signInDomain ? [signInDomain] : [])].join(' ');
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src ${connect}; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
  };
}
