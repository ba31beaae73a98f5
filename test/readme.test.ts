import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README, withGeneratedParts } from '../scripts/update-readme.js';

describe('README', () => {
  it('holds the current diagnostic codes table (run `npm run readme` after changing src/diagnostics.ts)', () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(withGeneratedParts(readme));
    expect(readme).toContain('| `SCHEDULE_NOT_CUMULATIVE` | warning |');
  });

  it('gives the test command that .ci/run runs', () => {
    const readme = readFileSync(README, 'utf8');
    const ci = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    expect(readme).toContain('npm test ');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });
});
