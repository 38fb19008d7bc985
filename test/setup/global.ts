import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../infra/local/dynamodb.ts';
import { readStackDefinition, synthesizeCityTemplate } from '../../infra/local/template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableDefinition: string;
  }
}

/** One DynamoDB Local engine for the whole run, and the table as the synthesized stack defines it. */
export default async function setup(project: TestProject) {
  const [dynamo, definition] = await Promise.all([
    startDynamoDbLocal(),
    Promise.resolve().then(() => readStackDefinition(synthesizeCityTemplate('enschede'))),
  ]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableDefinition', JSON.stringify(definition.table));
  return async () => {
    await dynamo.stop();
  };
}
