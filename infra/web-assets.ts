import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CityConfig } from './cities.ts';
import { PROJECT_ROOT } from './project-root.ts';

/** The built web client (`npm run web:build`): what local mode serves and the city stack deploys. */
export const WEB_DIST = resolve(PROJECT_ROOT, 'web/dist');

const WEB_ROOT = resolve(PROJECT_ROOT, 'web');

/** The sources a build is made from: when any is newer than the build, it is stale. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'client/schema.d.ts', 'shared/domain'].map((p) =>
  resolve(PROJECT_ROOT, p),
);

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const isStale = () => {
  const built = join(WEB_DIST, 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < Math.max(...SOURCES.map(newest));
};

/** Held while one process builds: test files (and `npm start` beside them) that start together build once, not into each other's output. */
const BUILD_LOCK = resolve(PROJECT_ROOT, 'web/.build-lock');
/** A lock older than this is left from a process that died while building. */
const STALE_LOCK_MS = 180_000;

async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > STALE_LOCK_MS) rmSync(BUILD_LOCK, { force: true, recursive: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(BUILD_LOCK, { force: true, recursive: true });
  }
}

/** Builds the client when it is missing or older than its sources (what `npm start` does first); returns whether it built. */
export async function ensureWebBuild(): Promise<boolean> {
  if (!isStale()) return false;
  return withBuildLock(async () => {
    // Another process may have built it while this one waited.
    if (!isStale()) return false;
    const { build } = await import('vite');
    // Always the production build, also when a test runner (NODE_ENV=test) asks: Vite and the React
    // plugin read NODE_ENV, and React's development build is twice the size.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    return true;
  });
}

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
