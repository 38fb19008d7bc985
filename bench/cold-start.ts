import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { FUNCTION_BUNDLING } from '../infra/constructs/function.ts';
import { FUNCTION_METADATA_KEY } from '../infra/constructs/names.ts';
import { LOCAL_REGION } from '../infra/local/dynamodb.ts';
import { PROJECT_ROOT } from '../infra/project-root.ts';
import { percentile, round } from './measure.ts';

/**
 * Cold start as it deploys: the city's stack synthesized with bundling (as `cdk synth` does), each
 * function's bundle imported in a fresh Node process (Lambda's init of the handler module), against
 * a minimal DocumentClient handler bundled with the same settings; beside it, the same bundles
 * without source maps and with the AWS SDK inside, for the choices those settings make.
 */
export async function measureColdStart(options: { runs: number; tableName: string }) {
  const { runs } = options;
  // The city's stack synthesized with bundling, as `cdk synth` does for a deployment: the files measured are the ones that deploy.
  const synthDir = mkdtempSync(join(tmpdir(), 'wijkteams-synth-'));
  const runDir = mkdtempSync(join(tmpdir(), 'wijkteams-bundles-'));
  // The runtime's AWS SDK is outside the bundles: here the project's copy stands in for it, found as Lambda finds its own.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(runDir, 'node_modules'));
  const synthStarted = performance.now();
  const [{ App }, { buildApp }] = await Promise.all([import('aws-cdk-lib'), import('../infra/app.ts')]);
  const cdkApp = new App({ outdir: synthDir, context: { city: 'enschede', 'aws:cdk:enable-asset-metadata': true } });
  const cityStack = buildApp(cdkApp);
  const synthesized = cdkApp.synth().getStackByName(cityStack.stackName).template as {
    Resources: Record<string, { Type: string; Properties?: Record<string, never>; Metadata?: Record<string, unknown> }>;
  };
  const synthSeconds = round((performance.now() - synthStarted) / 1000, 1);
  const deployed = new Map<string, { file: string; nodeOptions: string; tracing: string }>();
  for (const resource of Object.values(synthesized.Resources)) {
    const name = resource.Metadata?.[FUNCTION_METADATA_KEY];
    const asset = resource.Metadata?.['aws:asset:path'];
    if (resource.Type !== 'AWS::Lambda::Function' || typeof name !== 'string' || typeof asset !== 'string') continue;
    const variables = (resource.Properties?.Environment as { Variables?: Record<string, string> } | undefined)?.Variables ?? {};
    mkdirSync(join(runDir, name));
    cpSync(join(synthDir, asset), join(runDir, name), { recursive: true });
    const tracing = (resource.Properties?.TracingConfig as { Mode?: string } | undefined)?.Mode ?? 'PassThrough';
    deployed.set(name, { file: join(runDir, name, 'index.mjs'), nodeOptions: variables.NODE_OPTIONS ?? '', tracing });
  }
  // The baseline: a minimal DocumentClient handler, bundled with the functions' own settings.
  const baselineEntry = join(runDir, 'baseline.ts');
  writeFileSync(
    baselineEntry,
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nimport { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';\nconst db = DynamoDBDocumentClient.from(new DynamoDBClient({}));\nexport const handler = async () => ({ statusCode: 200, body: String(Boolean(db)) });\n",
  );
  const esbuildOf = (entry: string, outfile: string, changes: { external?: string[]; sourcemap?: boolean } = {}) =>
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: FUNCTION_BUNDLING.target,
      minify: FUNCTION_BUNDLING.minify,
      sourcemap: changes.sourcemap ?? FUNCTION_BUNDLING.sourceMap,
      mainFields: FUNCTION_BUNDLING.mainFields,
      external: changes.external ?? FUNCTION_BUNDLING.externalModules,
      nodePaths: [join(PROJECT_ROOT, 'node_modules')],
      banner: { js: FUNCTION_BUNDLING.banner },
      logLevel: 'silent',
    });
  const entryOf = (name: string) => (name === 'baseline' ? baselineEntry : join(PROJECT_ROOT, 'functions', name, 'index.ts'));
  await esbuildOf(baselineEntry, join(runDir, 'baseline', 'index.mjs'));
  // The other choices, for the decisions: the same entries with the AWS SDK inside, and with source maps (and Node reading them).
  const alternatives = { 'SDK inside': { external: [] }, 'source maps': { sourcemap: true } };
  const built = new Map<string, string>();
  for (const [variant, changes] of Object.entries(alternatives))
    for (const name of ['baseline', ...deployed.keys()]) {
      const outfile = join(runDir, variant.replace(' ', '-'), name, 'index.mjs');
      await esbuildOf(entryOf(name), outfile, changes);
      built.set(`${variant}/${name}`, outfile);
    }
  const env = {
    ...process.env,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    CITY_CONFIG: JSON.stringify({ cityId: 'enschede', teams: [], partners: [] }),
    TABLE_NAME: options.tableName,
    LOOKUP_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:000000000000:secret:lookup',
    STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:000000000000:stateMachine:x',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  /** Milliseconds to import a bundle in a fresh Node process (what Lambda's init does with the handler module). */
  const importTime = (file: string, nodeOptions: string) =>
    new Promise<number>((resolve, reject) => {
      const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { ...env, NODE_OPTIONS: nodeOptions } });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.stderr.on('data', (chunk) => {
        err += chunk;
      });
      child.on('close', (code) =>
        code === 0 ? resolve(Number(out)) : reject(new Error(`import of ${file} failed: ${err.slice(0, 300)}`)),
      );
    });
  const deployedOptions = [...deployed.values()][0]?.nodeOptions ?? '';
  const variants = [
    {
      key: 'deployed',
      file: (name: string) => (name === 'baseline' ? join(runDir, 'baseline', 'index.mjs') : (deployed.get(name)?.file ?? '')),
      nodeOptions: deployedOptions,
    },
    { key: 'SDK inside', file: (name: string) => built.get(`SDK inside/${name}`) ?? '', nodeOptions: deployedOptions },
    {
      key: 'source maps',
      file: (name: string) => built.get(`source maps/${name}`) ?? '',
      nodeOptions: `${deployedOptions} --enable-source-maps`.trim(),
    },
  ];
  const functions = ['baseline', ...[...deployed.keys()].sort()];
  const samples = new Map<string, number[]>();
  // Rounds over every bundle and variant, so that the machine's drift touches them all alike.
  for (let round_ = 0; round_ < runs; round_++)
    for (const variant of variants)
      for (const name of functions) {
        const key = `${variant.key}/${name}`;
        samples.set(key, [...(samples.get(key) ?? []), await importTime(variant.file(name), variant.nodeOptions)]);
      }
  const median = (variant: string, name: string) => percentile(samples.get(`${variant}/${name}`) ?? [], 50);
  const coldRows: Record<string, unknown>[] = [];
  for (const name of functions) {
    const ratio = (variant: string) => round(median(variant, name) / median(variant, 'baseline'));
    const file = variants[0]?.file(name) ?? '';
    coldRows.push({
      function: name,
      'bundle kB': round(statSync(file).size / 1024, 1),
      'import ms': round(median('deployed', name), 1),
      ratio: ratio('deployed'),
      'SDK inside: kB, ratio': `${round(statSync(built.get(`SDK inside/${name}`) ?? '').size / 1024, 1)}, ${ratio('SDK inside')}`,
      'with source maps: ms': round(median('source maps', name), 1),
      target: name === 'baseline' ? '–' : '≤ 1.25, ≤ 500 kB',
    });
  }
  rmSync(synthDir, { recursive: true, force: true });
  rmSync(runDir, { recursive: true, force: true });
  const title = `## Cold start: the bundles cdk synth produces (synthesized in ${synthSeconds} s), imported in a fresh Node ${process.version} process (median of ${runs}; NODE_OPTIONS as deployed: "${deployedOptions}"; tracing ${[...deployed.values()][0]?.tracing})`;
  return { title, rows: coldRows };
}
