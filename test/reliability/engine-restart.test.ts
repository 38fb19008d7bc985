import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, type LocalDynamo, startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { localIdp } from '../../infra/local/idp.ts';
import { type LocalStack, startLocalStack } from '../../infra/local/server.ts';
import { randomBsn } from '../setup/helpers.ts';

/**
 * The DynamoDB engine dies in the middle of a burst of intakes and comes back: requests in
 * flight fail cleanly (503, problem+json), nothing is half written, and service resumes.
 */
let dataDir: string;
let port: number;
let engine: LocalDynamo;
let stack: LocalStack;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wijkteams-restart-'));
  port = await freePort();
  engine = await startDynamoDbLocal({ dataDir, port });
  stack = await startLocalStack({
    port: 0,
    dataDir,
    dynamoEndpoint: engine.endpoint,
    tableName: 'restart',
    idp: await localIdp(null),
    logLevel: 'SILENT',
  });
});
afterAll(async () => {
  await stack.stop();
  await engine.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it('fails requests in flight cleanly, writes nothing partially, and resumes', async () => {
  const token = await stack.idp.sign({ sub: 'anna', roles: ['intaker'], teams: ['velve-lindenhof'] });
  let n = 0;
  const register = async () => {
    const response = await fetch(`${stack.url}/v1/intakes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        teamId: 'velve-lindenhof',
        channel: 'walk_in',
        urgency: 'normal',
        question: 'q',
        domains: ['housing'],
        household: {
          address: { postcode: '7522AB', houseNumber: String(++n) },
          members: [{ name: 'M', birthDate: '1980-01-01', bsn: randomBsn(), role: 'adult' }],
        },
      }),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  };

  const burst = Array.from({ length: 60 }, (_, i) => new Promise((r) => setTimeout(r, i * 5)).then(register));
  await new Promise((r) => setTimeout(r, 120));
  await engine.stop(); // the engine dies mid-burst
  const replies = await Promise.all(burst);
  const statuses = new Set(replies.map((r) => r.status));
  expect(
    [...statuses].every((s) => s === 201 || s === 503),
    [...statuses].join(),
  ).toBe(true);
  expect(replies.some((r) => r.status === 503)).toBe(true);
  for (const failed of replies.filter((r) => r.status === 503)) {
    expect(failed.type).toBe('application/problem+json');
    expect(failed.body).toMatchObject({ status: 503, title: 'Service unavailable' });
  }

  engine = await startDynamoDbLocal({ dataDir, port }); // back, with its data
  const after = await register();
  expect(after.status).toBe(201);

  // Nothing half written: every intake has its household and every household its intake, look-ups and log line.
  const items = (await stack.db.send(new ScanCommand({ TableName: 'restart' }))).Items ?? [];
  const households = items.filter((i) => i.type === 'household');
  const intakes = items.filter((i) => i.type === 'intake');
  const created = replies.filter((r) => r.status === 201).length + 1;
  expect(intakes).toHaveLength(created);
  expect(households).toHaveLength(created);
  for (const intake of intakes) expect(households.map((h) => h.id)).toContain(intake.householdId);
  const lookups = items.filter((i) => i.type === 'lookup');
  expect(lookups).toHaveLength(created * 2);
  const logLines = items.filter((i) => i.type === 'processing-log');
  expect(logLines).toHaveLength(created);
}, 120_000);
