import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../infra/local/dynamodb.ts';
import { PROJECT_ROOT } from '../infra/project-root.ts';
import { percentile, round } from './measure.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Start {
  /** From spawning npm to the first health answer. */
  total: number;
  /** From Node's own start to the server's ready line (what the script costs), and the engine's part of it. */
  node: number;
  engine: number;
  /** To the demo city's "loaded" line, when it was asked for. */
  demo?: number;
}

const READY = /ready in ([\d.]+) s, DynamoDB Local answering after ([\d.]+) s/;

/** `npm start` (or `npm run demo`) until `GET /v1/health` answers 200, and with --demo until the demo city is loaded; the server is stopped afterwards. */
async function startToHealth(script: 'start' | 'demo', port: number, dataDir: string): Promise<Start> {
  const started = performance.now();
  const child = spawn(npm, ['run', '-s', script], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  let demoAt: number | undefined;
  child.stdout?.on('data', (chunk) => {
    out += chunk;
    if (demoAt === undefined && /The web client:/.test(out)) demoAt = performance.now();
  });
  try {
    let total: number | undefined;
    for (;;) {
      if (performance.now() - started > 180_000) throw new Error(`npm run ${script} did not answer within 180 s`);
      if (total === undefined) {
        const ok = await fetch(`http://127.0.0.1:${port}/v1/health`)
          .then((r) => r.ok)
          .catch(() => false);
        if (ok) total = (performance.now() - started) / 1000;
      }
      const ready = READY.exec(out);
      if (total !== undefined && ready && (script === 'start' || demoAt !== undefined))
        return {
          total,
          node: Number(ready[1]),
          engine: Number(ready[2]),
          ...(demoAt !== undefined ? { demo: (demoAt - started) / 1000 } : {}),
        };
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    // The whole group: npm, the server and its Java engine (gone already if the start failed).
    const signal = (name: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, name);
      } catch {
        // already gone
      }
    };
    signal('SIGINT');
    await new Promise((r) => setTimeout(r, 2000));
    signal('SIGKILL');
  }
}

/** Seconds for `npm run token` (or the same script run by node directly) to print a token. */
function tokenTime(through: 'npm' | 'node'): Promise<number> {
  const args = ['--sub', 'anna', '--roles', 'intaker', '--teams', 'velve-lindenhof'];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child =
      through === 'npm'
        ? spawn(npm, ['run', '-s', 'token', '--', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
        : spawn(process.execPath, ['infra/local/token.ts', ...args], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('close', (code) =>
      code === 0 && out.split('.').length === 3 ? resolve((performance.now() - started) / 1000) : reject(new Error('no token')),
    );
  });
}

/** `run`, n times, one after the other: the starts share a port and must not overlap. */
async function runs<T>(n: number, run: () => Promise<T>): Promise<T[]> {
  const all: T[] = [];
  for (let i = 0; i < n; i++) all.push(await run());
  return all;
}

/**
 * What the README tells a user to type, through npm as they type it: `npm start` to its first
 * health answer with a data directory (warm: the template cache and the data of an earlier start)
 * and with `DATA_DIR=:memory:`, each split into npm's own start, the script and the Java engine's
 * part of it (the server's ready line); `npm run demo` to the demo city loaded, in memory (loaded
 * at every start) and with a data directory that holds it; the engine alone beside them, the
 * floor under a start; and `npm run token` against the same script run by node directly.
 */
export async function measureLocalStart(options: { runs: number; port: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wijkteams-start-'));
  const demoDir = mkdtempSync(join(tmpdir(), 'wijkteams-demo-'));
  try {
    await startToHealth('start', options.port, dataDir); // warms: the template cache, the data directory, the OS's file cache
    await startToHealth('demo', options.port, demoDir); // loads the demo city into its data directory
    const warm = await runs(options.runs, () => startToHealth('start', options.port, dataDir));
    const memory = await runs(options.runs, () => startToHealth('start', options.port, ':memory:'));
    const demoKept = await runs(options.runs, () => startToHealth('demo', options.port, demoDir));
    const demoMemory = await runs(Math.min(options.runs, 3), () => startToHealth('demo', options.port, ':memory:'));
    const engine = await runs(options.runs, async () => {
      const started = performance.now();
      const dynamo = await startDynamoDbLocal({ dataDir, quickStart: true });
      const seconds = (performance.now() - started) / 1000;
      await dynamo.stop();
      return seconds;
    });
    const viaNpm = await runs(options.runs + 2, () => tokenTime('npm'));
    const direct = await runs(options.runs + 2, () => tokenTime('node'));
    const median = (values: number[]) => round(percentile(values, 50), 2);
    const startRows = (what: string, starts: Start[], target: string) => [
      { measure: `${what} to its first \`GET /v1/health\` 200 (s, median)`, value: median(starts.map((s) => s.total)), target },
      { measure: "… npm's own start, before Node runs the script", value: median(starts.map((s) => s.total - s.node)), target: '' },
      { measure: "… the script, from Node's start to its ready line", value: median(starts.map((s) => s.node)), target: '' },
      { measure: '… of which waiting on DynamoDB Local (Java) to answer', value: median(starts.map((s) => s.engine)), target: '' },
    ];
    return [
      ...startRows('`npm start`, a data directory', warm, '≤ 3'),
      ...startRows('`DATA_DIR=:memory: npm start`', memory, '≤ 3'),
      {
        measure: '`npm run demo`, the demo city kept in its data directory, to the API (s, median)',
        value: median(demoKept.map((s) => s.total)),
        target: '≤ 3',
      },
      {
        measure: '`DATA_DIR=:memory: npm run demo` to the demo city loaded (s, median)',
        value: median(demoMemory.map((s) => s.demo ?? Number.NaN)),
        target: '',
      },
      { measure: 'DynamoDB Local (Java) alone to its first answer (s, median): the floor', value: median(engine), target: '' },
      { measure: '`npm run token` (s, median)', value: median(viaNpm), target: '≤ 0.5' },
      { measure: '`node_modules/.bin/node infra/local/token.ts` (s, median): the same without npm', value: median(direct), target: '' },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(demoDir, { recursive: true, force: true });
  }
}
