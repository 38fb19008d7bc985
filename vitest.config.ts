import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slower reliability suite runs with `npm run test:reliability` (CI runs both).
    exclude: ['test/reliability/**', 'node_modules/**'],
    // One DynamoDB Local per run; every test file gets a fresh table in it.
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 30_000,
    // The browser tests wait for screens with expect.poll: a loaded machine may take seconds.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    pool: 'forks',
    // EMF lines of the local functions stay out of the test output; the metrics test turns them on.
    env: { POWERTOOLS_METRICS_DISABLED: 'true' },
  },
});
