import { startLocalStack } from './server.ts';
import { ensureWebBuild } from './web.ts';

/** `npm start`: the city's API and web client on this machine, until Ctrl-C. */
if (await ensureWebBuild()) console.log('wijkteams: built the web client (web/dist)');
const stack = await startLocalStack({
  city: process.env.CITY ?? 'enschede',
  port: Number(process.env.PORT ?? 3000),
  host: process.env.HOST ?? '127.0.0.1',
  dataDir: process.env.DATA_DIR ?? '.data',
  flow: {
    ...(process.env.DECISION_SLA_SECONDS ? { decisionSlaSeconds: Number(process.env.DECISION_SLA_SECONDS) } : {}),
    evaluationWaitSeconds: Number(process.env.EVALUATION_WAIT_SECONDS ?? 0),
  },
}).catch((error: Error) => {
  console.error(`wijkteams: could not start: ${error.message}`);
  process.exit(1);
});

console.log(
  `wijkteams ${process.env.CITY ?? 'enschede'}: API on ${stack.url}/v1 (data: ${process.env.DATA_DIR ?? '.data'}, DynamoDB Local at ${stack.dynamoEndpoint})`,
);
console.log(`The web client: ${stack.url}/ (pick a demo professional)`);
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
