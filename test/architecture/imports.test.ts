import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers' "nevers" (docs/architecture.md), as an import rule the way bulletproof-react
 * enforces its one-way imports with lint: each rule lists the imports that break it, and a
 * broken rule names the file and what it imported.
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** What the web client may take from `shared/`: pure rules it shares with the API, nothing that does I/O. */
const WEB_SHARED_MODULES = [
  'shared/domain/access.ts',
  'shared/domain/address.ts',
  'shared/domain/break-glass.ts',
  'shared/domain/bsn.ts',
  'shared/domain/consent.ts',
  'shared/domain/intake.ts',
  'shared/domain/life-domains.ts',
  'shared/domain/names.ts',
  'shared/domain/signal.ts',
];

interface Import {
  /** The importing file, from the project root. */
  file: string;
  specifier: string;
  /** The imported file from the project root, or undefined for a package or a Node.js built-in. */
  target: string | undefined;
  typeOnly: boolean;
  /** `import('…')`: loaded when first needed, so not part of what a module costs at import. */
  dynamic: boolean;
}

function sourceFiles(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist') return [];
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return sourceFiles(relative(ROOT, path));
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [relative(ROOT, path)] : [];
  });
}

const ALIASES: Record<string, string> = { '#shared/': 'shared/', '#functions/': 'functions/', '#infra/': 'infra/' };

function resolveSpecifier(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('.')) return relative(ROOT, resolve(ROOT, dirname(file), specifier));
  for (const [alias, dir] of Object.entries(ALIASES)) if (specifier.startsWith(alias)) return dir + specifier.slice(alias.length);
  return undefined;
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = match[3] ?? match[4] ?? '';
    return {
      file,
      specifier,
      target: resolveSpecifier(file, specifier),
      typeOnly: match[2] !== undefined,
      dynamic: match[4] !== undefined,
    };
  });
}

const allImports = (dirs: string[]) => dirs.flatMap(sourceFiles).flatMap(importsOf);
const under = (dir: string) => (path: string | undefined) => path?.startsWith(`${dir}/`) === true;
const shown = (imports: Import[]) => imports.map((i) => `${i.file} → ${i.specifier}`);

/** The web client's feature a file belongs to, if any. */
const featureOf = (path: string | undefined) => /^web\/src\/features\/([^/]+)\//.exec(path ?? '')?.[1];

describe('import rules', () => {
  it('the functions never import infra', () => {
    expect(shown(allImports(['functions']).filter((i) => under('infra')(i.target)))).toEqual([]);
  });

  it('shared never imports the functions or infra', () => {
    expect(shown(allImports(['shared']).filter((i) => under('functions')(i.target) || under('infra')(i.target)))).toEqual([]);
  });

  it('use cases and domain rules reach storage only through the ports passed in', () => {
    const inner = allImports(['shared/use-cases', 'shared/domain']);
    expect(shown(inner.filter((i) => under('shared/db')(i.target) || i.specifier.startsWith('@aws-sdk/')))).toEqual([]);
    expect(shown(allImports(['shared/domain']).filter((i) => under('shared/use-cases')(i.target)))).toEqual([]);
  });

  it('the deployed stack never imports local mode', () => {
    const deployed = allImports(['infra']).filter((i) => !under('infra/local')(i.file));
    expect(shown(deployed.filter((i) => under('infra/local')(i.target)))).toEqual([]);
  });

  it('a route contract imports only functions/http/ and its own function', () => {
    const contracts = allImports(['functions']).filter((i) => /^functions\/[^/]+\/contract\.ts$/.test(i.file));
    const own = (i: Import) => i.target === undefined || !under('functions')(i.target) || under(dirname(i.file))(i.target);
    expect(shown(contracts.filter((i) => !own(i) && !under('functions/http')(i.target)))).toEqual([]);
  });

  it("no function's Lambda entry imports the answers' schemas or the OpenAPI builder at import (only the document needs them)", () => {
    const docOnly = (target: string) =>
      /^functions\/([^/]+\/)?answers\.ts$/.test(target) ||
      target === 'functions/http/answer-schemas.ts' ||
      target === 'functions/openapi.ts';
    const entries = sourceFiles('functions').filter((file) => /^functions\/[^/]+\/index\.ts$/.test(file));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const reached: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of importsOf(file)) {
        if (i.typeOnly || i.dynamic) continue;
        if (i.target && docOnly(i.target)) reached.push(`${i.file} → ${i.specifier}`);
        else if (i.target && /\.tsx?$/.test(i.target)) visit(i.target);
      }
    };
    for (const entry of entries) visit(entry);
    expect(seen.size).toBeGreaterThan(30);
    expect(reached).toEqual([]);
  });

  it('the web client imports only packages, the generated client, its own files and the named pure modules of shared/', () => {
    const web = allImports(['web/src']);
    const allowed = (i: Import) =>
      i.target === undefined || under('web/src')(i.target) || i.target === 'client/schema.d.ts' || WEB_SHARED_MODULES.includes(i.target);
    expect(shown(web.filter((i) => !allowed(i)))).toEqual([]);
  });

  it('the named modules the web client shares are pure: no Node.js built-in, package or storage behind them', () => {
    const seen = new Set<string>();
    const impure: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const i of importsOf(file)) {
        if (i.typeOnly) continue;
        if (i.target === undefined) impure.push(`${i.file} → ${i.specifier}`);
        else if (!under('shared')(i.target) || under('shared/db')(i.target) || under('shared/use-cases')(i.target)) {
          impure.push(`${i.file} → ${i.specifier}`);
        } else visit(i.target);
      }
    };
    for (const module of WEB_SHARED_MODULES) visit(module);
    expect(impure).toEqual([]);
  });

  it("the web client's features never import each other; its shared parts never import a feature or the app", () => {
    const web = allImports(['web/src']);
    const crossFeature = web.filter((i) => featureOf(i.file) && featureOf(i.target) && featureOf(i.file) !== featureOf(i.target));
    const upward = web.filter(
      (i) =>
        (under('web/src/components')(i.file) || under('web/src/lib')(i.file)) && (featureOf(i.target) || under('web/src/app')(i.target)),
    );
    expect(shown([...crossFeature, ...upward])).toEqual([]);
  });

  it('who may reach or do what is decided in the access module only: no other file tests teams or roles itself', () => {
    const ROLE = "'(intaker|wijkcoach|teamleider|doorbraakteam|budgethouder|beheerder)'";
    const deciding = [
      /\b(principal|session|actor)\.(teams|roles)\.(includes|some|filter|every|find)\(/,
      new RegExp(`\\[\\s*${ROLE}\\s*[,\\]]`),
      new RegExp(`role\\s*===\\s*${ROLE}`),
    ];
    const offending = ['shared', 'functions', 'web/src']
      .flatMap(sourceFiles)
      .filter((file) => file !== 'shared/domain/access.ts')
      .flatMap((file) =>
        readFileSync(join(ROOT, file), 'utf8')
          .split('\n')
          .flatMap((line, n) => (deciding.some((pattern) => pattern.test(line)) ? [`${file}:${n + 1}: ${line.trim()}`] : [])),
      );
    expect(offending).toEqual([]);
  });

  it('finds the imports it judges (the rule above is not vacuous)', () => {
    expect(allImports(['web/src']).filter((i) => featureOf(i.file)).length).toBeGreaterThan(20);
    expect(allImports(['functions']).filter((i) => i.target?.startsWith('shared/')).length).toBeGreaterThan(20);
    expect(importsOf('infra/app.ts').map((i) => i.target)).toContain('infra/city-stack.ts');
  });
});
