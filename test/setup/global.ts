import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { readStackDefinition, synthesizeCityTemplate } from '../../infra/local/template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableDefinition: string;
    /** Where each test process counts the answers it checked against the served OpenAPI document. */
    contractCountDir: string;
  }
}

/** One DynamoDB Local engine for the whole run, and the table as the synthesized stack defines it. */
export default async function setup(project: TestProject) {
  const [dynamo, definition] = await Promise.all([startDynamoDbLocal(), synthesizeCityTemplate('enschede').then(readStackDefinition)]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableDefinition', JSON.stringify(definition.table));
  const countDir = mkdtempSync(join(tmpdir(), 'wijkteams-contract-'));
  project.provide('contractCountDir', countDir);
  return async () => {
    await dynamo.stop();
    const answers = readdirSync(countDir).reduce((sum, file) => sum + readFileSync(join(countDir, file), 'utf8').length, 0);
    rmSync(countDir, { recursive: true, force: true });
    console.log(`contract: ${answers} answers validated against the served OpenAPI document`);
  };
}
