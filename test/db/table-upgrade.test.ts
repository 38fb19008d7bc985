import { randomUUID } from 'node:crypto';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { TABLE_SCHEMA } from '#shared/db/table-schema.ts';
import { ensureTable, localDynamoClient } from '../../infra/local/dynamodb.ts';
import type { LocalTable } from '../../infra/local/template.ts';

/**
 * `npm start` keeps its data in DATA_DIR between versions: a table made by 1.0 (two indexes)
 * gains the name index's third one when 1.1 starts on it, as a CloudFormation update adds it
 * to a deployed table.
 */
describe('a table kept from an earlier version', () => {
  it('gains the indexes added since, keeping the ones it has', async () => {
    const definition = JSON.parse(inject('tableDefinition')) as LocalTable;
    const client = localDynamoClient(inject('dynamoEndpoint'));
    const tableName = `upgrade-${randomUUID()}`;
    const earlier = {
      ...definition,
      attributeDefinitions: definition.attributeDefinitions.filter((a) => !a.AttributeName?.startsWith('gsi3')),
      globalSecondaryIndexes: definition.globalSecondaryIndexes.slice(0, 2),
    };
    await ensureTable(client, tableName, earlier);
    const before = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(before.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['gsi1', 'gsi2']);

    await ensureTable(client, tableName, definition);
    const after = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(after.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      TABLE_SCHEMA.globalIndexes.map((index) => index.indexName).sort(),
    );
    client.destroy();
  });
});
