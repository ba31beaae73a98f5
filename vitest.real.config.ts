import { defineConfig } from 'vitest/config';
import { TEST_TIMEOUT_MS } from './test/limits.js';

/**
 * The real-corpus suite (`npm run test:real`): real disclosures read where they are, in
 * ../shared/corpora beside the clone (never copied into the repository). `.ci/run` runs it
 * after `npm test`; `npm test` alone needs nothing outside the repository.
 */
export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
  },
});
