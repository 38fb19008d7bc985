import { describe, expect, it } from 'vitest';
import { backfillDailyWork } from '#shared/db/backfill.ts';
import { batchPut } from '#shared/db/client.ts';
import { dynamoJournalStore } from '#shared/db/journal-store.ts';
import { householdItem } from '#shared/db/records/household.ts';
import { intakeItem } from '#shared/db/records/intake.ts';
import { nameEntryItem } from '#shared/db/records/name-entry.ts';
import { planItem } from '#shared/db/records/plan.ts';
import { dynamoRegistryStore } from '#shared/db/registry-store.ts';
import { dynamoTaskStore } from '#shared/db/task-store.ts';
import type { Household } from '#shared/domain/household.ts';
import type { Intake } from '#shared/domain/intake.ts';
import type { Plan } from '#shared/domain/plan.ts';
import { newId } from '#shared/ids.ts';
import { cityConfig, runtimeConfigOf } from '../../infra/cities.ts';
import { freshTable } from '../setup/helpers.ts';

/**
 * A city that ran 1.0 has open households without name entries or tasks. The backfill writes
 * them as 1.1 would have (found by name, in the work list), puts their logged changes on the
 * timeline as 1.2 does, indexes again a name entry whose words changed, and a second run writes nothing.
 */
describe('the 1.1 backfill on DynamoDB Local', () => {
  it('indexes the names of open households and writes the tasks of their open intakes and agreed plans, once', async () => {
    const { db, tableName } = await freshTable();
    const now = new Date().toISOString();
    const team = 'velve-lindenhof';
    const household: Household = {
      id: newId(),
      teamId: team,
      status: 'open',
      address: { postcode: '7544AB', houseNumber: '3' },
      members: [{ id: newId(), name: 'Oud Versiehuis', birthDate: '1970-01-01', role: 'adult' }],
      needsPlan: true,
      regisseur: { userId: 'kees', appointedAt: now, appointedBy: 'lotte' },
      planStatus: 'active',
      ownedBsnHashes: [],
      addressHash: newId(),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const intake: Intake = {
      id: newId(),
      householdId: household.id,
      teamId: team,
      channel: 'walk_in',
      urgency: 'normal',
      question: 'Een vraag uit 1.0.',
      domains: ['finances'],
      status: 'open',
      visibleToTeams: [team],
      createdAt: now,
      createdBy: 'anna',
    };
    // A plan as 1.0 stored it: actions without id or status.
    const plan = {
      id: newId(),
      householdId: household.id,
      status: 'active',
      version: 2,
      goals: [
        {
          domain: 'finances',
          description: 'g',
          actions: [{ description: 'Bellen', ownerId: 'wim', organisation: 'o', dueDate: '2027-01-01' }],
        },
      ],
      evaluationDate: '2027-03-01',
      createdAt: now,
      createdBy: 'kees',
      updatedAt: now,
      updatedBy: 'kees',
    } as unknown as Plan;
    // The household's log as 1.1 wrote it: a read and a change, neither on a timeline index.
    const line = (action: string, resource: string) => ({
      pk: `LOG#${household.id}`,
      sk: `${now}#${action}`,
      type: 'processing-log',
      id: newId(),
      householdId: household.id,
      at: now,
      actor: 'kees',
      roles: ['wijkcoach'],
      action,
      resource,
      purpose: 'p',
      traceId: '0'.repeat(32),
      dataSubjects: [],
    });
    await batchPut(db, tableName, [
      householdItem(household),
      intakeItem(intake),
      planItem(plan),
      line('read', `/households/${household.id}`),
      line('update', `/households/${household.id}/regisseur`),
    ]);

    const city = runtimeConfigOf(cityConfig('enschede'));
    expect(await backfillDailyWork(db, tableName, city, now)).toEqual({ households: 1, written: 4, timeline: 1 });
    const names = await dynamoRegistryStore(db, tableName).nameEntries([team], 'versieh', 100);
    expect(names.entries.map((e) => e.householdId)).toEqual([household.id]);
    const tasks = dynamoTaskStore(db, tableName);
    const teamTasks = await tasks.forTeam(team, { limit: 100 });
    const story = await dynamoJournalStore(db, tableName).timeline(household.id, 10);
    expect(story.items.map((item) => (item.kind === 'change' ? item.line.resource : item.kind))).toEqual([
      `/households/${household.id}/regisseur`,
    ]);
    expect(teamTasks.tasks.map((t) => [t.kind, 'user' in t.assignee ? t.assignee.user : null]).sort()).toEqual([
      ['plan_action', 'wim'],
      ['plan_evaluation', 'kees'],
      ['triage', null],
    ]);
    expect(await backfillDailyWork(db, tableName, city, now)).toEqual({ households: 1, written: 0, timeline: 0 });
    // A name entry indexed by words its name is no longer found by (before 1.2 "O'Brien" was o + brien) is written again.
    const [member] = household.members;
    if (!member) throw new Error('the household has a member');
    const stale = { ...nameEntryItem(team, household.id, member), gsi1sk: `o#${household.id}#${member.id}` };
    await batchPut(db, tableName, [stale]);
    expect(await backfillDailyWork(db, tableName, city, now)).toEqual({ households: 1, written: 1, timeline: 0 });
    expect((await dynamoRegistryStore(db, tableName).nameEntries([team], 'versieh', 100)).entries).toHaveLength(1);
  });
});
