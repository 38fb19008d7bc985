import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../infra/local/dynamodb.ts';
import { PROJECT_ROOT } from '../infra/project-root.ts';
import { percentile, round } from './measure.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Seconds from `npm start` until `GET /v1/health` answers 200; the server is stopped afterwards. */
async function startToHealth(port: number, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(npm, ['start'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    detached: true,
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (performance.now() - started > 120_000) throw new Error('npm start did not answer within 120 s');
      const ok = await fetch(`http://127.0.0.1:${port}/v1/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    // The whole group: npm, tsx, the server and its Java engine.
    if (child.pid) process.kill(-child.pid, 'SIGINT');
    await new Promise((r) => setTimeout(r, 2000));
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/** Seconds for `npm run token` to print a token. */
function tokenTime(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(npm, ['run', '-s', 'token', '--', '--sub', 'anna', '--roles', 'intaker', '--teams', 'velve-lindenhof'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('close', (code) =>
      code === 0 && out.split('.').length === 3 ? resolve((performance.now() - started) / 1000) : reject(new Error('no token')),
    );
  });
}

/**
 * Local start on a warm machine (platform.md): `npm start` to its first health answer, with the
 * data directory and the cached template of an earlier start (the first start, not counted, makes
 * them); the Java engine's own start beside it, the floor under it; and `npm run token`.
 */
export async function measureLocalStart(options: { runs: number; port: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'wijkteams-start-'));
  try {
    await startToHealth(options.port, dataDir); // warms: the template cache, the data directory, the OS's file cache
    const starts: number[] = [];
    for (let i = 0; i < options.runs; i++) starts.push(await startToHealth(options.port, dataDir));
    const engine: number[] = [];
    for (let i = 0; i < options.runs; i++) {
      const started = performance.now();
      const dynamo = await startDynamoDbLocal({ dataDir, quickStart: true });
      engine.push((performance.now() - started) / 1000);
      await dynamo.stop();
    }
    const tokens: number[] = [];
    for (let i = 0; i < options.runs + 2; i++) tokens.push(await tokenTime());
    return [
      { measure: '`npm start` to its first `GET /v1/health` 200 (s, median)', value: round(percentile(starts, 50), 2), target: '≤ 3' },
      { measure: '… of which DynamoDB Local (Java) to its first answer (s, median)', value: round(percentile(engine, 50), 2), target: '' },
      { measure: '`npm run token` (s, median)', value: round(percentile(tokens, 50), 2), target: '≤ 0.5' },
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
