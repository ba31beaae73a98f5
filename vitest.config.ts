import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { TEST_TIMEOUT_MS } from './test/limits.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-corpus suite reads ../shared/corpora: `npm run test:real` (vitest.real.config.ts).
    exclude: ['test/real/**', '**/node_modules/**'],
    globalSetup: ['test/setup/build-cli.ts'],
    // Vitest's default is one file at a time on two cores (cores − 1), but most of the
    // suite's time is spent waiting for the yusuan processes it starts: two files at once
    // ran it in 150 s instead of 175 s on this 2-core machine, with every limit unchanged.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
  },
});
