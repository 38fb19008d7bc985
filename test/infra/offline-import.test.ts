import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onFirstUse } from '../../functions/first-use.ts';
import { PROJECT_ROOT } from '../../infra/project-root.ts';

/**
 * Issue "what deploys starts fast": importing a function makes no AWS call, so a cold start is
 * only its code; the look-up key is fetched on the first request that needs it.
 */
describe('every function', () => {
  it('imports its Lambda entry with no AWS call (every AWS endpoint points at a counter)', async () => {
    const calls: string[] = [];
    const aws = createServer((req, res) => {
      calls.push(`${req.method} ${req.headers['x-amz-target'] ?? req.url}`);
      res.writeHead(500).end();
    });
    await new Promise<void>((listening) => aws.listen(0, '127.0.0.1', () => listening()));
    const port = (aws.address() as { port: number }).port;
    const entries = readdirSync(join(PROJECT_ROOT, 'functions'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'http')
      .map((entry) => join(PROJECT_ROOT, 'functions', entry.name, 'index.ts'));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const script = `for (const entry of ${JSON.stringify(entries)}) { const m = await import(entry); if (typeof m.handler !== 'function') throw new Error(entry); }`;
    const exit = await new Promise<{ code: number | null; err: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: PROJECT_ROOT,
        env: {
          ...process.env,
          AWS_REGION: 'eu-central-1',
          AWS_ACCESS_KEY_ID: 'offline',
          AWS_SECRET_ACCESS_KEY: 'offline',
          AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
          CITY_CONFIG: JSON.stringify({ cityId: 'enschede', teams: [], partners: [] }),
          TABLE_NAME: 'offline',
          LOOKUP_KEY_SECRET_ARN: 'arn:aws:secretsmanager:eu-central-1:000000000000:secret:lookup',
          STATE_MACHINE_ARN: 'arn:aws:states:eu-central-1:000000000000:stateMachine:offline',
          POWERTOOLS_METRICS_DISABLED: 'true',
          POWERTOOLS_LOG_LEVEL: 'SILENT',
        },
      });
      let err = '';
      child.stderr.on('data', (chunk) => {
        err += chunk;
      });
      child.on('close', (code) => done({ code, err }));
    });
    aws.close();
    expect(exit.err.slice(0, 500)).toBe('');
    expect(exit.code).toBe(0);
    expect(calls).toEqual([]);
  }, 60_000);
});

describe('the look-up key on first use', () => {
  it('is fetched once for every request after it, and fetched again after a failure', async () => {
    let fetches = 0;
    let fail = true;
    const key = onFirstUse(async () => {
      fetches++;
      if (fail) throw new Error('Secrets Manager unreachable');
      return new Uint8Array(32);
    });
    await expect(key()).rejects.toThrow('unreachable');
    fail = false;
    const [a, b] = await Promise.all([key(), key()]);
    expect(a).toBe(b);
    await key();
    expect(fetches).toBe(2);
  });
});
