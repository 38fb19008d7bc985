/**
 * The single table's physical schema. The CDK table construct is built from it, and local
 * mode creates its table from the synthesized template, so this is the one definition.
 */
export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes an item some time after it passes. */
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    /** Caseload: a team's households by status, newest arrival first (the order never changes, so paging is stable); tasks by assignee; a name's first word. */
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** Queues across the city, such as escalations by status; tasks by team; a name's second word; a household's timeline. */
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /** A name's third word (the name index, shared/db/keys.ts). */
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
} as const;

/** The index names, from the schema above (the stack and local mode create them from it). */
export const CASELOAD_INDEX = TABLE_SCHEMA.globalIndexes[0].indexName;
export const QUEUE_INDEX = TABLE_SCHEMA.globalIndexes[1].indexName;
export const TASK_INDEX = TABLE_SCHEMA.globalIndexes[0].indexName;
export const TEAM_TASK_INDEX = TABLE_SCHEMA.globalIndexes[1].indexName;
export const TIMELINE_INDEX = TABLE_SCHEMA.globalIndexes[1].indexName;
/** The team leaders' lists of break-glass grants: all of a team's (gsi1), and by whether reviewed (gsi2). */
export const GRANTS_INDEX = TABLE_SCHEMA.globalIndexes[0].indexName;
export const GRANTS_BY_REVIEW_INDEX = TABLE_SCHEMA.globalIndexes[1].indexName;
