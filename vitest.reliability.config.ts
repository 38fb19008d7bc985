import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** `npm run test:reliability`: the slower suite of generated bad input, concurrency and an engine restart. */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/reliability/**/*.test.ts'],
    exclude: [],
    testTimeout: 300_000,
  },
});
