import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The real-corpus suite reads ../shared/corpora: `npm run test:real` (vitest.real.config.ts).
    exclude: ['test/real/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
