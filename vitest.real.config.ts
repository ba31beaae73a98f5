import { defineConfig } from 'vitest/config';

/**
 * The real-corpus suite (`npm run test:real`): real disclosures read where they are, in
 * ../shared/corpora beside the clone (never copied into the repository). `.ci/run` runs it
 * after `npm test`; `npm test` alone needs nothing outside the repository.
 */
export default defineConfig({
  test: {
    include: ['test/real/**/*.test.ts'],
    // A 170-page PDF takes a few seconds to convert; generous limits so a busy machine does not fail a correct run.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
