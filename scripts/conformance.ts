/**
 * The API document against the Dutch API Design Rules, with Logius' own Spectral ruleset.
 * The ruleset lives beside the repository (../shared/conformance/), not in it, so this is a
 * step of its own in .ci/run rather than part of `npm test`: a fresh clone alone passes
 * `npm test`, and CI fails loudly here when the ruleset is missing.
 *
 *   npm run test:conformance [-- path/to/ruleset.yaml]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openApiDocument } from '#functions/openapi.ts';
import { routes } from '#functions/routes.ts';

const ruleset = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../../shared/conformance/nl-api-design-rules.spectral.yaml'));
if (!existsSync(ruleset)) {
  console.error(`conformance: FAILED — the Logius ruleset is missing: ${ruleset}`);
  console.error('conformance: this step reads ../shared/conformance/ on purpose; it must sit beside the repository.');
  process.exit(2);
}

/** Spectral's findings of severity error, or its own failure as it printed it. */
function lint(document: unknown): { errors: string[]; all: number } {
  const dir = mkdtempSync(join(tmpdir(), 'wijkteams-openapi-'));
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(document));
  try {
    let output: string;
    try {
      output = execFileSync('npx', ['spectral', 'lint', '-r', ruleset, '-f', 'json', '-q', file], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; status?: number };
      // Spectral exits 1 when it finds errors (its findings are on stdout); anything else is its own failure.
      if (failed.status !== 1 || !failed.stdout?.trim().startsWith('[')) {
        console.error(`conformance: FAILED — Spectral did not run (exit ${failed.status}):\n${failed.stderr ?? ''}${failed.stdout ?? ''}`);
        process.exit(2);
      }
      output = failed.stdout;
    }
    const findings = JSON.parse(output) as { code: string; message: string; severity: number; path: string[] }[];
    return {
      errors: findings.filter((finding) => finding.severity === 0).map((e) => `${e.code} ${e.path.join('.')}: ${e.message}`),
      all: findings.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const document = openApiDocument(routes);
const result = lint(document);
// The linter really runs: the same document without its contact must be refused.
const { contact: _contact, ...info } = document.info;
const control = lint({ ...document, info });
if (!control.errors.some((error) => error.startsWith('info-contact'))) {
  console.error(
    'conformance: FAILED — the ruleset did not refuse a document without a contact; it is not the Logius ruleset or did not run.',
  );
  process.exit(2);
}
if (result.errors.length > 0) {
  console.error(`conformance: FAILED — ${result.errors.length} errors against ${ruleset}:\n${result.errors.join('\n')}`);
  process.exit(1);
}
console.log(`conformance: the OpenAPI document passes the NL API Design Rules (${ruleset}): 0 errors, ${result.all} findings in all`);
