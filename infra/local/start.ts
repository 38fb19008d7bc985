import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { startDynamoDbLocal } from './dynamodb.ts';

/**
 * `npm start`: the city's API and web client on this machine, until Ctrl-C. `npm run demo`
 * (`--demo`) loads the demo city first when the data directory does not hold it yet; `npm start`
 * on an empty data directory offers to (when someone is at the terminal to answer).
 */
const city = process.env.CITY ?? 'enschede';
const dataDir = process.env.DATA_DIR ?? '.data';
const persistent = dataDir !== ':memory:';
const empty = !persistent || !existsSync(resolve(dataDir, 'dynamodb'));
const demoMarker = resolve(dataDir, 'demo-city.json');
// The Java engine takes longest to start: it starts before anything else is loaded.
const dynamo = startDynamoDbLocal({ ...(persistent ? { dataDir } : {}), quickStart: true });
// When the engine answered, counted from this process's start (performance.now's origin), for the ready line.
const engineReadyAt = dynamo.then(() => performance.now()).catch(() => Number.NaN);
// Its failure (no Java) is reported where the stack awaits it, not as an unhandled rejection meanwhile.
dynamo.catch(() => undefined);
const [{ loadDemoCity, settableClock }, { startLocalStack }, { ensureWebBuild }] = await Promise.all([
  import('./demo-city.ts'),
  import('./server.ts'),
  import('../web-assets.ts'),
]);
const clock = settableClock();
if (await ensureWebBuild()) console.log('wijkteams: built the web client (web/dist)');
const stack = await startLocalStack({
  dynamo,
  city,
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? '127.0.0.1',
  dataDir,
  clock: clock.now,
  flow: {
    ...(process.env.DECISION_SLA_SECONDS ? { decisionSlaSeconds: Number(process.env.DECISION_SLA_SECONDS) } : {}),
    evaluationWaitSeconds: Number(process.env.EVALUATION_WAIT_SECONDS ?? 0),
  },
}).catch((error: Error) => {
  console.error(`wijkteams: could not start: ${error.message}`);
  process.exit(1);
});

console.log(`wijkteams ${city}: API on ${stack.url}/v1 (data: ${dataDir}, DynamoDB Local at ${stack.dynamoEndpoint})`);
// What a start costs, from Node's own start (npm's, before it, is not counted): `npm run bench` reads this line.
console.log(
  `wijkteams: ready in ${(performance.now() / 1000).toFixed(2)} s, DynamoDB Local answering after ${((await engineReadyAt) / 1000).toFixed(2)} s`,
);

async function wantsDemo(): Promise<boolean> {
  if (process.argv.includes('--demo')) return !(persistent && existsSync(demoMarker));
  if (!empty) return false;
  if (!process.stdin.isTTY) {
    console.log('wijkteams: an empty city; `npm run demo` starts it with the demo city loaded');
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(
    'wijkteams: an empty city. Load the demo city (fake households, plans, doorbraken, signals)? [Y/n] ',
  );
  prompt.close();
  return !/^n/i.test(answer.trim());
}

if (await wantsDemo()) {
  console.log('wijkteams: loading the demo city through the API…');
  try {
    const summary = await loadDemoCity(stack, clock, city);
    if (persistent) writeFileSync(demoMarker, `${JSON.stringify({ loadedAt: new Date().toISOString(), ...summary }, null, 2)}\n`);
    console.log(
      `wijkteams: the demo city is loaded in ${summary.seconds} s: ${summary.households} households, ${summary.assessments} ZRM assessments, ${summary.journalEntries} journal entries, ${summary.consents} consents, ` +
        `${Object.values(summary.escalations).reduce((a, b) => a + b, 0)} doorbraken, ${summary.precedents} precedents, ` +
        `${Object.values(summary.signals).reduce((a, b) => a + b, 0)} signals`,
    );
  } catch (error) {
    console.error(`wijkteams: the demo city could not be loaded: ${(error as Error).message}`);
  }
} else if (persistent && existsSync(demoMarker)) {
  // Loaded on an earlier start: its residents are offered on the sign-in again.
  try {
    const loaded = JSON.parse(readFileSync(demoMarker, 'utf8')) as {
      residents?: typeof stack.demoResidents;
      brp?: { address: { postcode: string; houseNumber: string }; people: Parameters<typeof stack.brp.add>[1] }[];
    };
    stack.demoResidents.push(...(loaded.residents ?? []));
    // The BRP stand-in keeps nothing: the city's people are registered in it again.
    for (const entry of loaded.brp ?? []) stack.brp.add(entry.address, entry.people);
  } catch {
    // A marker written before 1.2 has no residents: the stand-in still takes a BSN.
  }
}
console.log(`The web client: ${stack.url}/ (pick a demo professional; residents at ${stack.url}/inwoner/)`);
console.log('Get a token with: npm run token -- --sub anna --roles intaker --teams velve-lindenhof');

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`wijkteams: ${signal}, stopping`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
