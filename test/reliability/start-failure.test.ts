import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { expect, it } from 'vitest';
import { startLocalStack } from '../../infra/local/server.ts';

/**
 * DynamoDB Local engines started by this test process (its descendants), so that other
 * engines on the machine (the run's shared one, another checkout's tests) do not count.
 */
const engines = () => {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args ?? '' }));
  const parentOf = new Map(rows.map((row) => [row.pid, row.ppid]));
  const descendsFromUs = (pid: number) => {
    for (let at = parentOf.get(pid), depth = 0; at !== undefined && at > 1 && depth < 50; at = parentOf.get(at), depth++) {
      if (at === process.pid) return true;
    }
    return false;
  };
  return rows.filter((row) => row.args.includes('DynamoDBLocal.jar') && descendsFromUs(row.pid)).length;
};

it('a start that fails leaves no DynamoDB engine behind', async () => {
  const blocker = createServer();
  await new Promise<void>((listening) => blocker.listen(0, '127.0.0.1', () => listening()));
  const port = (blocker.address() as { port: number }).port;
  const before = engines();
  expect(before).toBe(0);
  try {
    await expect(startLocalStack({ port, dataDir: ':memory:', logLevel: 'SILENT' })).rejects.toThrow(/EADDRINUSE/);
  } finally {
    blocker.close();
  }
  // The JVM takes a moment to exit.
  for (let i = 0; i < 50 && engines() > 0; i++) await new Promise((r) => setTimeout(r, 200));
  expect(engines()).toBe(0);
}, 60_000);
