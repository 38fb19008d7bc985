import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { journalEntryItem } from '#shared/db/records/journal.ts';
import { timeOrderedId } from '#shared/ids.ts';
import { apiEvent, comparedAtSizes } from './measure.ts';

/**
 * The journal and the timeline of a household with 2,000 entries against one with 20: a page is
 * one Query of one partition, so both must answer in the same time (target ≤ 1.2×). The samples
 * of the two households are taken in turn, so that whatever else the machine does weighs on both.
 */
export async function measureJournal(deps: {
  /** Registers a household of the caller's team; returns its id. */
  register: () => Promise<string>;
  db: DynamoDBDocumentClient;
  table: string;
  invoke: (event: ReturnType<typeof apiEvent>) => Promise<unknown>;
  claims: Record<string, string>;
  samples: number;
}) {
  const writeEntries = async (householdId: string, count: number) => {
    const now = Date.now();
    const items = Array.from({ length: count }, (_, i) => {
      const at = new Date(now - (i + 1) * 3_600_000).toISOString();
      return journalEntryItem({
        id: timeOrderedId(at),
        householdId,
        kind: 'home_visit',
        text: `Huisbezoek ${i}: ${'de rekeningen samen doorgenomen. '.repeat(8)}`,
        at,
        about: [],
        domains: ['finances'],
        involvedIds: [],
        restricted: i % 10 === 0,
        by: { userId: 'lotte', name: 'Lotte Smit' },
        createdAt: at,
        corrections: [],
      });
    });
    for (let start = 0; start < items.length; start += 25) {
      const chunk = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      await deps.db.send(new BatchWriteCommand({ RequestItems: { [deps.table]: chunk } }));
    }
  };
  const few = await deps.register();
  const many = await deps.register();
  const started = performance.now();
  await writeEntries(few, 20);
  await writeEntries(many, 2_000);
  const seeded = (performance.now() - started) / 1000;

  const event = (householdId: string, path: 'journal' | 'timeline', query: Record<string, string>) =>
    apiEvent(`GET /v1/households/{id}/${path}`, {
      path: `/v1/households/${householdId}/${path}`,
      pathParameters: { id: householdId },
      query,
      claims: deps.claims,
    });
  const cursorOf = async (householdId: string) => {
    const reply = (await deps.invoke(event(householdId, 'journal', { limit: '10' }))) as { body?: string };
    return String(JSON.parse(String(reply.body)).nextCursor);
  };
  // Pages of 10: both households fill two, so both answers carry as many entries.
  const runsOf = async (householdId: string) => {
    const cursor = await cursorOf(householdId);
    return {
      first: () => deps.invoke(event(householdId, 'journal', { limit: '10' })),
      next: () => deps.invoke(event(householdId, 'journal', { limit: '10', cursor })),
      timeline: () => deps.invoke(event(householdId, 'timeline', { limit: '10' })),
    };
  };
  const rows = await comparedAtSizes({
    what: {
      first: 'journal, first page (10, one Query)',
      next: 'journal, the second page (10, from a cursor)',
      timeline: 'timeline, first page (10, one index Query)',
    },
    small: { size: 20, runs: await runsOf(few) },
    large: { size: 2000, runs: await runsOf(many) },
    samples: deps.samples,
  });
  return { seeded, rows };
}
