import { dynamoJournalStore } from '#shared/db/journal-store.ts';
import { dynamoRosterStore } from '#shared/db/roster-store.ts';
import { addJournalEntry, correctJournalEntry, type JournalPorts, listJournal, timeline } from '#shared/use-cases/journal.ts';
import { BASE_PATH } from '../http/contract.ts';
import { httpFunction, pipelineDeps, route } from '../http/pipeline.ts';
import type { FunctionRuntime } from '../runtime.ts';
import { addJournalEntryRoute, correctJournalEntryRoute, listJournalRoute, timelineRoute } from './contract.ts';

export function createHandler(deps: FunctionRuntime) {
  const roster = dynamoRosterStore(deps.db, deps.tableName);
  const ports: JournalPorts = { store: dynamoJournalStore(deps.db, deps.tableName), roster };
  const ok = (body: unknown) => ({ status: 200, body });

  return httpFunction(pipelineDeps(deps, roster), [
    route(addJournalEntryRoute, async ({ params, body }, context) => ({
      status: 201,
      body: await addJournalEntry(ports, context, params.id, body),
      headers: { Location: `${BASE_PATH}/households/${params.id}/journal` },
    })),
    route(correctJournalEntryRoute, async ({ params, body }, context) =>
      ok(await correctJournalEntry(ports, context, params.id, params.entryId, body)),
    ),
    route(listJournalRoute, async ({ params, query }, context) => ok(await listJournal(ports, context, params.id, query))),
    route(timelineRoute, async ({ params, query }, context) => ok(await timeline(ports, context, params.id, query))),
  ]);
}
