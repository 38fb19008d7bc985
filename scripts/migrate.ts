/**
 * `npm run migrate -- --city <id> [--table <name>] [--endpoint <url>]`: writes what version 1.1
 * keeps and 1.0 did not (the name index, the work list), and what 1.2 keeps and earlier versions
 * did not (the timeline index of logged changes), for a city's open households. Idempotent;
 * run once after deploying 1.1 or 1.2 on a city that ran an earlier version (AWS credentials and region from the
 * environment), or against DynamoDB Local with `--endpoint` (local mode runs it by itself).
 */
import { parseArgs } from 'node:util';
import { backfillDailyWork } from '#shared/db/backfill.ts';
import { documentClient } from '#shared/db/client.ts';
import { cityConfig, runtimeConfigOf } from '../infra/cities.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/dynamodb.ts';

const { values } = parseArgs({ options: { city: { type: 'string' }, table: { type: 'string' }, endpoint: { type: 'string' } } });
// The deployed table's name is CloudFormation's: name it (the stack's output or the console shows it); local mode's is wijkteams-<city>.
if (!values.city || (!values.table && !values.endpoint)) {
  console.error(
    'usage: npm run migrate -- --city <id> --table <deployed table name>\n   or: npm run migrate -- --city <id> --endpoint <DynamoDB Local url> [--table <name>]',
  );
  process.exit(2);
}
const city = cityConfig(values.city);
const db = documentClient(values.endpoint ? { endpoint: values.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS } : {});
const table = values.table ?? `wijkteams-${city.id}`;
const { households, written, timeline } = await backfillDailyWork(db, table, runtimeConfigOf(city), new Date().toISOString());
console.log(
  `migrate: ${households} open households of ${city.name} read, ${written} name entries and tasks written, ${timeline} logged changes put on their timeline, in ${table}`,
);
