import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localIdp } from '../../infra/local/idp.ts';
import { startTestApi, type TestApi } from '../setup/helpers.ts';

/**
 * docs/walkthrough.md, run as written: its bash blocks, in order, in one shell, against a
 * test server that accepts the tokens `npm run token` signs. Only the address of the server is
 * changed. A walkthrough step that stops working fails here.
 */
const ROOT = resolve(import.meta.dirname, '../..');
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi('enschede', { idp: await localIdp(), flow: { retryIntervalMs: 0, evaluationWaitSeconds: 0 } });
});
afterAll(() => api?.stack.stop());

function walkthroughBlocks(): string[] {
  const walkthrough = readFileSync(resolve(ROOT, 'docs/walkthrough.md'), 'utf8');
  expect(walkthrough.startsWith('# Walk through a day with curl\n')).toBe(true);
  return [...walkthrough.matchAll(/```bash\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

it('runs docs/walkthrough.md as written', async () => {
  const blocks = walkthroughBlocks();
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const script = ['set -euo pipefail', ...blocks].join('\n').replaceAll('http://localhost:3000', api.stack.url);
  // Asynchronously: the test server answers from this very process.
  const run = await promisify(execFile)('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 90_000 }).catch(
    (error: { code?: number; stdout?: string; stderr?: string }) => {
      throw new Error(`the walkthrough failed (exit ${error.code}):\n${error.stderr}\n${error.stdout}`);
    },
  );
  const lines = run.stdout.trim().split('\n');
  // What the comments beside the steps promise.
  expect(lines).toEqual(
    expect.arrayContaining([
      'open',
      'triaged',
      'kees',
      'active',
      'closed',
      '409',
      '404',
      'pathmos',
      'received',
      'Sanne Mulder',
      'in_outreach',
      'signal',
      'help_accepted',
    ]),
  );
  expect(lines.filter((line) => line === 'closed')).toHaveLength(2);
}, 120_000);
