import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/server.ts';

const engines = () => {
  try {
    return execFileSync('pgrep', ['-f', 'DynamoDBLocal.jar'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

it('a start that fails leaves no DynamoDB engine behind', async () => {
  const blocker = createServer();
  await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', () => listening()));
  const port = (blocker.address() as { port: number }).port;
  const before = engines();
  try {
    await expect(startLocalStack({ port, dataDir: ':memory:', logLevel: 'SILENT' })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    blocker.close();
  }
  // The JVM takes a moment to exit.
  for (let i = 0; i < 50 && engines() > before; i++) await new Promise((r) => setTimeout(r, 200));
  expect(engines()).toBe(before);
}, 60_000);
