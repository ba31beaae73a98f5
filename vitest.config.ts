import { defineConfig } from 'vitest/config';
import { TEST_TIMEOUT_MS } from './test/limits.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-corpus suite reads ../shared/corpora: `npm run test:real` (vitest.real.config.ts).
    exclude: ['test/real/**', '**/node_modules/**'],
    globalSetup: ['test/setup/build-cli.ts'],
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: TEST_TIMEOUT_MS,
  },
});
